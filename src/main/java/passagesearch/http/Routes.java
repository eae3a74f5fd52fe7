package passagesearch.http;

import io.javalin.config.RoutesConfig;

/** Every route of the service, in one table. */
final class Routes {
  static final String SEARCH = "/api/search";
  static final String PASSAGE = "/api/passages/<id>";
  static final String DOCUMENTS = "/api/documents";
  static final String DOCUMENT = "/api/documents/{id}";
  static final String TAGS = "/api/tags";
  static final String INDEX = "/api/index";
  static final String HEALTH = "/health";
  static final String READY = "/ready";

  private Routes() {}

  static void declare(RoutesConfig routes, SearchController search, CatalogController catalog) {
    routes.get(SEARCH, search::search);
    routes.get(PASSAGE, catalog::passage);
    routes.get(DOCUMENTS, catalog::documents);
    routes.get(DOCUMENT, catalog::document);
    routes.get(TAGS, catalog::tags);
    routes.get(INDEX, catalog::index);
    routes.get(HEALTH, ctx -> ctx.json(WebServer.ok()));
    routes.get(READY, catalog::ready);
  }
}
