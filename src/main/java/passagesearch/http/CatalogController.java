package passagesearch.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import passagesearch.index.GenerationInfo;
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
    if (Caching.notModified(ctx, search.generation().name())) {
      return;
    }
    String id = id(ctx.pathParam("id"));
    ctx.json(search.passage(id).orElseThrow(() -> new NotFound("no passage with id '" + id + "'")));
  }

  void documents(Context ctx) {
    new QueryParams(ctx, Set.of());
    if (Caching.notModified(ctx, search.generation().name())) {
      return;
    }
    ctx.json(Map.of("documents", search.documents()));
  }

  void document(Context ctx) {
    new QueryParams(ctx, Set.of());
    if (Caching.notModified(ctx, search.generation().name())) {
      return;
    }
    String id = id(ctx.pathParam("id"));
    ctx.json(search.document(id).orElseThrow(() -> new NotFound("no document with id '" + id + "'")));
  }

  void tags(Context ctx) {
    new QueryParams(ctx, Set.of());
    if (Caching.notModified(ctx, search.generation().name())) {
      return;
    }
    ctx.json(Map.of("groups", search.tags()));
  }

  void index(Context ctx) {
    new QueryParams(ctx, Set.of());
    if (Caching.notModified(ctx, search.generation().name())) {
      return;
    }
    GenerationInfo g = search.generation();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("generation", g.name());
    out.put("builtAt", g.builtAt());
    out.put("buildMillis", g.buildMillis());
    out.put("documents", g.documents().size());
    out.put("passages", g.passages());
    out.put("corpusFingerprint", g.corpusFingerprint());
    out.put("configFingerprint", g.configFingerprint());
    ctx.json(out);
  }

  void ready(Context ctx) {
    GenerationInfo g = search.generation();
    ctx.json(Map.of("status", "ready", "generation", g.name(), "passages", g.passages()));
  }

  private static String id(String raw) {
    if (raw.isEmpty() || raw.length() > MAX_ID_LENGTH) {
      throw new BadRequest("id must be 1 to " + MAX_ID_LENGTH + " characters");
    }
    return raw;
  }
}
