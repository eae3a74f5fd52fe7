package passagesearch.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import passagesearch.search.IndexStatus;
import passagesearch.search.SearchService;

/** Client/server IO for what the index holds: passages in place, documents, tags, the generation. */
final class CatalogController {
  private static final int MAX_ID_LENGTH = 300;

  private final SearchService search;

  CatalogController(SearchService search) {
    this.search = search;
  }

  void passage(Context ctx) {
    new QueryParams(ctx, Set.of());
    if (Caching.notModified(ctx, search.status().generation())) {
      return;
    }
    String id = id(ctx.pathParam("id"));
    ctx.json(search.passage(id).orElseThrow(() -> new NotFound("no passage with id '" + id + "'")));
  }

  void documents(Context ctx) {
    new QueryParams(ctx, Set.of());
    if (Caching.notModified(ctx, search.status().generation())) {
      return;
    }
    ctx.json(Map.of("documents", search.documents()));
  }

  void document(Context ctx) {
    new QueryParams(ctx, Set.of());
    if (Caching.notModified(ctx, search.status().generation())) {
      return;
    }
    String id = id(ctx.pathParam("id"));
    ctx.json(search.document(id).orElseThrow(() -> new NotFound("no document with id '" + id + "'")));
  }

  void tags(Context ctx) {
    new QueryParams(ctx, Set.of());
    if (Caching.notModified(ctx, search.status().generation())) {
      return;
    }
    ctx.json(Map.of("groups", search.tags()));
  }

  void index(Context ctx) {
    new QueryParams(ctx, Set.of());
    if (Caching.notModified(ctx, search.status().generation())) {
      return;
    }
    ctx.json(search.status());
  }

  void ready(Context ctx) {
    IndexStatus s = search.status();
    ctx.json(Map.of("status", "ready", "generation", s.generation(), "passages", s.passages()));
  }

  private static String id(String raw) {
    if (raw.isEmpty() || raw.length() > MAX_ID_LENGTH) {
      throw new BadRequest("id must be 1 to " + MAX_ID_LENGTH + " characters");
    }
    return raw;
  }
}
