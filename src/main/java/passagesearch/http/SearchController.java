package passagesearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
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
  private final ObjectMapper json;

  /** @param json the server's JSON mapper (the one {@code ctx.json} uses), for the same answers' bytes */
  SearchController(SearchEngine search, ObjectMapper json) {
    this.search = search;
    this.json = json;
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
    answer(ctx, search.search(request));
  }

  /**
   * The answer written as UTF-8 straight from its records, as {@code ctx.json} writes it but without the
   * String between: an answer with any character beyond Latin-1 (most SciFact abstracts) was built as a
   * UTF-16 String (twice its length in bytes, after a failed attempt to store it as Latin-1), then encoded.
   * That was 12% of the bytes a SciFact search allocated (JFR, 2026-12-07).
   */
  private void answer(Context ctx, Object value) {
    try {
      ctx.contentType(ContentType.APPLICATION_JSON).result(json.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the answer could not be written as JSON", e);
    }
  }
}
