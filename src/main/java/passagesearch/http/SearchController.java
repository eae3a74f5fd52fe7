package passagesearch.http;

import io.javalin.http.Context;
import java.util.Set;
import passagesearch.search.SearchRequest;
import passagesearch.search.SearchService;

/** Client/server IO for search: parameters in, the search room's response out as JSON. */
final class SearchController {
  private static final Set<String> PARAMS = Set.of("q", "limit", "offset", "tag", "source", "explain");

  private final SearchService search;

  SearchController(SearchService search) {
    this.search = search;
  }

  private static final Set<String> SUGGEST_PARAMS = Set.of("q", "limit");
  static final int MAX_SUGGEST_LENGTH = 100;

  void suggest(Context ctx) {
    QueryParams p = new QueryParams(ctx, SUGGEST_PARAMS);
    String q = p.single("q");
    if (q == null || q.isBlank()) {
      throw new BadRequest("q is required: the start of a word, e.g. /api/suggest?q=blin");
    }
    if (q.length() > MAX_SUGGEST_LENGTH) {
      throw new BadRequest("q is " + q.length() + " characters; at most " + MAX_SUGGEST_LENGTH + " are allowed");
    }
    int limit = p.integer("limit", 8, 1, 20);
    if (Caching.notModified(ctx, search.status().generation())) {
      return;
    }
    ctx.json(java.util.Map.of("query", q, "suggestions", search.suggest(q, limit)));
  }

  void search(Context ctx) {
    QueryParams p = new QueryParams(ctx, PARAMS);
    String q = p.single("q");
    if (q == null || q.isBlank()) {
      throw new BadRequest("q is required: the words to search for, e.g. /api/search?q=blinatumomab+side+effects");
    }
    SearchRequest request = new SearchRequest(
        q,
        p.integer("limit", SearchRequest.DEFAULT_LIMIT, 1, SearchRequest.MAX_LIMIT),
        p.integer("offset", 0, 0, SearchRequest.MAX_OFFSET),
        p.all("tag"),
        p.all("source"),
        p.flag("explain"));
    ctx.json(search.search(request));
  }
}
