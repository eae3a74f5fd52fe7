package passagesearch.search;

import passagesearch.index.OpenIndex;

/**
 * Checks a request against what the served generation knows: its tags, its sources and its configured
 * {@code query.maxLength}. The bounds that do not depend on the generation are the request record's own.
 */
final class RequestValidator {
  private RequestValidator() {}

  static void validate(SearchRequest r, Served served) {
    OpenIndex index = served.index();
    Require.atMost("q", r.query(), index.config().ranking().maxQueryLength());
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
