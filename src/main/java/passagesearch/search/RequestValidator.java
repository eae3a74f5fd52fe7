package passagesearch.search;

import passagesearch.index.OpenIndex;

/** Checks a request against the bounds and against what the served generation knows. */
final class RequestValidator {
  private RequestValidator() {}

  static void validate(SearchRequest r, Served served) {
    OpenIndex index = served.index();
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
    for (String tag : r.tags()) {
      if (!index.config().tags().byId().containsKey(tag)) {
        throw new InvalidRequestException("tag", "unknown tag '" + shorten(tag) + "'; the tags are listed in index-config/tags.yaml");
      }
    }
    for (String source : r.sources()) {
      if (!served.catalog().hasDocument(source)) {
        throw new InvalidRequestException("source", "unknown source '" + shorten(source)
            + "'; GET /api/documents lists the sources");
      }
    }
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
