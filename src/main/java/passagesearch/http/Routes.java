package passagesearch.http;

import io.javalin.config.RoutesConfig;

/** Every route of the service, in one table. */
final class Routes {
  static final String SEARCH = "/api/search";
  static final String HEALTH = "/health";

  private Routes() {}

  static void declare(RoutesConfig routes, SearchController search) {
    routes.get(SEARCH, search::search);
    routes.get(HEALTH, ctx -> ctx.json(WebServer.ok()));
  }
}
