package passagesearch.search;

import java.util.Set;
import java.util.stream.Collectors;
import passagesearch.index.OpenIndex;

/** Checks a request against the bounds and against what the served generation knows. */
final class RequestValidator {
  private RequestValidator() {}

  static void validate(SearchRequest r, OpenIndex index) {
    int maxLength = index.config().ranking().maxQueryLength();
    if (r.query() == null || r.query().isBlank()) {
      throw new InvalidRequestException("q", "q is required: the words to search for");
    }
    if (r.query().length() > maxLength) {
      throw new InvalidRequestException("q", "q is " + r.query().length() + " characters; at most " + maxLength
          + " are allowed");
    }
    if (r.limit() < 1 || r.limit() > SearchRequest.MAX_LIMIT) {
      throw new InvalidRequestException("limit", "limit must be between 1 and " + SearchRequest.MAX_LIMIT);
    }
    if (r.offset() < 0 || r.offset() > SearchRequest.MAX_OFFSET) {
      throw new InvalidRequestException("offset", "offset must be between 0 and " + SearchRequest.MAX_OFFSET);
    }
    Set<String> known = index.config().tags().byId().keySet();
    for (String tag : r.tags()) {
      if (!known.contains(tag)) {
        throw new InvalidRequestException("tag", "unknown tag '" + shorten(tag) + "'; the tags are listed in index-config/tags.yaml");
      }
    }
    Set<String> sources = index.info().documents().stream().map(d -> d.metadata().id()).collect(Collectors.toSet());
    for (String source : r.sources()) {
      if (!sources.contains(source)) {
        throw new InvalidRequestException("source", "unknown source '" + shorten(source) + "'; known sources: "
            + String.join(", ", sources.stream().sorted().toList()));
      }
    }
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
