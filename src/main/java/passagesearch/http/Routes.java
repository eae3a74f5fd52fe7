package passagesearch.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Every route of the service, in one table. */
final class Routes {
  static final String SEARCH = "/api/search";
  static final String SUGGEST = "/api/suggest";
  static final String PASSAGE = "/api/passages/<id>";
  static final String DOCUMENTS = "/api/documents";
  static final String DOCUMENT = "/api/documents/{id}";
  static final String TAGS = "/api/tags";
  static final String INDEX = "/api/index";
  static final String HEALTH = "/health";
  static final String READY = "/ready";
  static final String OPENAPI = "/openapi.json";
  static final String METRICS = "/metrics";
  static final String REBUILD = "/api/index/rebuild";
  static final String JOB = "/api/index/jobs/{id}";
  static final String ROLLBACK = "/api/index/rollback";

  private Routes() {}

  /** Declares every route and returns them as "METHOD path", in OpenAPI's path syntax. */
  static List<String> declare(
      RoutesConfig routes, SearchController search, CatalogController catalog, AdminController admin,
      HttpMetrics metrics) {
    List<String> declared = new ArrayList<>();
    get(routes, declared, SEARCH, search::search);
    get(routes, declared, SUGGEST, search::suggest);
    get(routes, declared, PASSAGE, catalog::passage);
    get(routes, declared, DOCUMENTS, catalog::documents);
    get(routes, declared, DOCUMENT, catalog::document);
    get(routes, declared, TAGS, catalog::tags);
    get(routes, declared, INDEX, catalog::index);
    get(routes, declared, HEALTH, ctx -> ctx.json(WebServer.ok()));
    get(routes, declared, READY, catalog::ready);
    get(routes, declared, OPENAPI, OpenApi::serve);
    get(routes, declared, METRICS, metrics::scrape);
    routes.post(REBUILD, admin::rebuild);
    declared.add("POST " + REBUILD);
    get(routes, declared, JOB, admin::job);
    routes.post(ROLLBACK, admin::rollback);
    declared.add("POST " + ROLLBACK);
    return List.copyOf(declared);
  }

  private static void get(RoutesConfig routes, List<String> declared, String path, Handler handler) {
    routes.get(path, handler);
    declared.add("GET " + path.replace('<', '{').replace('>', '}'));
  }
}
