package passagesearch.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import passagesearch.search.DocumentList;
import passagesearch.search.DocumentView;
import passagesearch.search.IndexStatus;
import passagesearch.search.Page;
import passagesearch.search.SearchEngine;

/** Client/server IO for what the index holds: passages in place, documents, tags, the generation. */
final class CatalogController {
  private static final int MAX_ID_LENGTH = 300;
  private static final Set<String> PAGE_PARAMS = Set.of("offset", "limit");

  private final SearchEngine search;

  CatalogController(SearchEngine search) {
    this.search = search;
  }

  void passage(Context ctx) {
    if (clientHasIt(ctx)) {
      return;
    }
    String id = id(ctx.pathParam("id"));
    ctx.json(search.passage(id).orElseThrow(() -> new NotFound("no passage with id '" + id + "'")));
  }

  void documents(Context ctx) {
    Page page = CatalogPages.page(new QueryParams(ctx, PAGE_PARAMS));
    if (Caching.notModified(ctx, search.servedGeneration())) {
      return;
    }
    DocumentList list = search.documents(page);
    ctx.json(new CatalogPages.Documents(list.documents(), list.total(), page.offset(), page.limit(),
        CatalogPages.next(page, ctx.path(), list.total())));
  }

  void document(Context ctx) {
    Page page = CatalogPages.page(new QueryParams(ctx, PAGE_PARAMS));
    if (Caching.notModified(ctx, search.servedGeneration())) {
      return;
    }
    String id = id(ctx.pathParam("id"));
    DocumentView view = search.document(id, page)
        .orElseThrow(() -> new NotFound("no document with id '" + id + "'"));
    int total = view.document().passages();
    ctx.json(new CatalogPages.Document(view.document(), view.passages(), total, page.offset(), page.limit(),
        CatalogPages.next(page, ctx.path(), total)));
  }

  void tags(Context ctx) {
    if (clientHasIt(ctx)) {
      return;
    }
    ctx.json(Map.of("groups", search.tags()));
  }

  void index(Context ctx) {
    new QueryParams(ctx, Set.of());
    IndexStatus s = search.status();
    // The answer changes when another process publishes a generation, not only when this one swaps.
    if (Caching.notModified(ctx, s.generation() + "~" + s.published())) {
      return;
    }
    ctx.json(s);
  }

  void ready(Context ctx) {
    IndexStatus s = search.status();
    ctx.json(Map.of("status", "ready", "generation", s.generation(), "passages", s.passages()));
  }

  /** These routes take no query parameters, and answer 304 when the client's copy is current. */
  private boolean clientHasIt(Context ctx) {
    new QueryParams(ctx, Set.of());
    return Caching.notModified(ctx, search.servedGeneration());
  }

  private static String id(String raw) {
    if (raw.isEmpty() || raw.length() > MAX_ID_LENGTH) {
      throw new BadRequest("id must be 1 to " + MAX_ID_LENGTH + " characters");
    }
    return raw;
  }
}
