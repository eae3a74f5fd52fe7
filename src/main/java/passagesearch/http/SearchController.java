package passagesearch.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import passagesearch.search.SearchRequest;
import passagesearch.search.SearchEngine;
import passagesearch.search.SuggestRequest;

/** Client/server IO for search: parameters parsed into the search room's request records, its response out as JSON. */
final class SearchController {
  private static final Set<String> PARAMS = Set.of("q", "limit", "offset", "tag", "source", "explain");
  private static final Set<String> SUGGEST_PARAMS = Set.of("q", "limit");

  private final SearchEngine search;

  SearchController(SearchEngine search) {
    this.search = search;
  }

  void suggest(Context ctx) {
    QueryParams p = new QueryParams(ctx, SUGGEST_PARAMS);
    SuggestRequest request = new SuggestRequest(p.single("q"), p.integer("limit", SuggestRequest.DEFAULT_LIMIT));
    if (Caching.notModified(ctx, search.servedGeneration())) {
      return;
    }
    ctx.json(Map.of("query", request.prefix(), "suggestions", search.suggest(request)));
  }

  void search(Context ctx) {
    QueryParams p = new QueryParams(ctx, PARAMS);
    SearchRequest request = new SearchRequest(
        p.single("q"),
        p.integer("limit", SearchRequest.DEFAULT_LIMIT),
        p.integer("offset", 0),
        p.all("tag"),
        p.all("source"),
        p.flag("explain"));
    ctx.json(search.search(request));
  }
}
