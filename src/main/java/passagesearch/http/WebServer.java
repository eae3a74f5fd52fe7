package passagesearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passagesearch.search.InvalidRequestException;
import passagesearch.search.EngineUnavailableException;
import passagesearch.search.SearchEngine;
import passagesearch.search.UnsupportedByEngineException;
import passagesearch.serving.IndexAdmin;
import passagesearch.serving.Uploads;

/**
 * The HTTP front door. {@link #create} builds the server unstarted; {@link #start} binds it (port 0 picks
 * a free port, as the tests do). The route table is {@link Routes}.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final long MAX_REQUEST_BYTES = 1_000_000;
  /**
   * A corpus sent with a rebuild request may be larger; it is streamed to disk, never held in memory
   * ({@link Uploads#MAX_UPLOAD_BYTES}).
   */
  private static final long MAX_UPLOAD_BYTES = Uploads.MAX_UPLOAD_BYTES;
  /** How long {@link #close} waits for requests in flight to finish before cutting them off. */
  static final long STOP_TIMEOUT_MILLIS = 10_000;

  private final Javalin app;
  private final List<String> routes;
  private final AccessLog accessLog;

  private WebServer(Javalin app, List<String> routes, AccessLog accessLog) {
    this.app = app;
    this.routes = routes;
    this.accessLog = accessLog;
  }

  /** Every route the server has, as "METHOD path" (OpenAPI path syntax). */
  public List<String> routes() {
    return routes;
  }

  public static WebServer create(SearchEngine search) {
    return create(search, HttpSettings.defaults());
  }

  public static WebServer create(SearchEngine search, HttpSettings settings) {
    return create(search, settings, null);
  }

  /** @param manager rebuilds and rollbacks for the admin routes; null leaves them disabled */
  public static WebServer create(SearchEngine search, HttpSettings settings, IndexAdmin manager) {
    ObjectMapper json = new ObjectMapper();
    SearchController searchController = new SearchController(search, json);
    List<String> routes = new ArrayList<>();
    AccessLog accessLog = new AccessLog();
    HttpMetrics metrics = new HttpMetrics(search, accessLog);
    RequestIds requestIds = new RequestIds();
    StaticPage page = new StaticPage();
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(json, false));
      config.http.prefer405over404 = true;
      // Bodies read whole (ctx.body()) are bounded by this; uploads are streamed and bounded in Uploads.
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.http.compressionStrategy = CompressionStrategy.GZIP;
      config.jetty.modifyServer(server -> {
        server.setErrorHandler(new JettyErrors());
        // Jetty 12 drains only requests counted by a GracefulHandler, and only when a stop timeout is set:
        // stop() then closes the port, lets requests in flight finish, and only then closes connections.
        server.insertHandler(new GracefulHandler());
        server.insertHandler(new ServerWideOptions());
        server.insertHandler(InFlight.bounded());
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
      });
      if (!settings.corsOrigins().isEmpty()) {
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          rule.allowHost(settings.corsOrigins().get(0),
              settings.corsOrigins().subList(1, settings.corsOrigins().size()).toArray(String[]::new));
          rule.exposeHeader(RequestIds.HEADER);
        }));
      }
      config.requestLogger.http((ctx, ms) -> {
        metrics.record(ctx, ms);
        accessLog.log(ctx, ms);
      });
      config.routes.before(ctx -> {
        requestIds.assign(ctx);
        SecurityHeaders.apply(ctx);
        // Any answer over the compression threshold is gzipped for clients that accept it, so every answer
        // varies with Accept-Encoding, compressed or not, and a shared cache must key on it.
        ctx.header("Vary", "Accept-Encoding");
        long length = ctx.contentLength();
        long max = ctx.path().equals(Routes.REBUILD) ? MAX_UPLOAD_BYTES : MAX_REQUEST_BYTES;
        if (length > max) {
          throw new TooLarge("the request body is " + length + " bytes; at most " + max + " are accepted here");
        }
      });
      routes.addAll(Routes.declare(config.routes, searchController, new CatalogController(search),
          new AdminController(manager, settings.adminToken()), metrics));
      page.declare(config.routes);
      config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
      config.routes.exception(InvalidRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
      config.routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
      config.routes.exception(UnsupportedByEngineException.class, (e, ctx) -> error(ctx, 501, e.getMessage()));
      // The engine (an OpenSearch cluster) cannot answer: said plainly, and /ready answers this too.
      config.routes.exception(EngineUnavailableException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
      config.routes.exception(TooLarge.class, (e, ctx) -> error(ctx, 413, e.getMessage()));
      config.routes.exception(AdminController.Unauthorized.class, (e, ctx) -> {
        ctx.header("WWW-Authenticate", "Bearer");
        error(ctx, 401, "unauthorized");
      });
      config.routes.exception(AdminController.Forbidden.class, (e, ctx) -> error(ctx, 403, e.getMessage()));
      config.routes.exception(AdminController.Conflict.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
      config.routes.exception(AdminController.InsufficientStorage.class, (e, ctx) -> error(ctx, 507, e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        String requestId = RequestIds.of(ctx);
        int brokenOff = BrokenOffRequests.status(e);
        if (brokenOff != 0) {
          LOG.debug("request {} {} {} broken off by the client: {}", requestId, ctx.method(), ctx.path(), e.toString());
          error(ctx, brokenOff, BrokenOffRequests.message(brokenOff));
          return;
        }
        LOG.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
        ctx.status(500).json(new ApiError("internal error; quote request id " + requestId, 500, requestId));
      });
      for (HttpStatus status : new HttpStatus[] {HttpStatus.NOT_FOUND, HttpStatus.METHOD_NOT_ALLOWED,
          HttpStatus.CONTENT_TOO_LARGE}) {
        config.routes.error(status.getCode(), "*", ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
            error(ctx, status.getCode(), describe(status, ctx.method().name(), ctx.path()));
          }
        });
      }
    });
    return new WebServer(app, List.copyOf(routes), accessLog);
  }

  private static String describe(HttpStatus status, String method, String path) {
    return switch (status) {
      case NOT_FOUND -> "no such route: " + method + " " + QueryParams.abbreviate(path);
      case METHOD_NOT_ALLOWED -> method + " is not allowed on " + QueryParams.abbreviate(path);
      default -> status.getMessage();
    };
  }

  private static void error(io.javalin.http.Context ctx, int status, String message) {
    ctx.status(status).json(ApiError.of(status, message));
  }

  /**
   * Starts listening.
   *
   * @throws PortInUse when another process holds the port: an everyday mistake, which Javalin would log
   *     as an error with a stack trace before throwing, so it is looked for first
   */
  public WebServer start(String host, int port) {
    if (port != 0) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(true); // as Jetty binds: a port left in TIME_WAIT is free
        probe.bind(new InetSocketAddress(host, port));
      } catch (BindException e) {
        if (String.valueOf(e.getMessage()).contains("in use")) {
          throw new PortInUse(port, e);
        }
      } catch (IOException other) {
        // anything else (an unknown host, say) is Jetty's to report
      }
    }
    try {
      app.start(host, port);
    } catch (JavalinBindException e) { // taken between the probe and the start
      throw new PortInUse(port, e);
    }
    return this;
  }

  public int port() {
    return app.port();
  }

  /**
   * Stops gracefully: no new connections, requests in flight finish (up to {@value #STOP_TIMEOUT_MILLIS} ms).
   *
   * @throws RuntimeException when requests were still running at the timeout and had to be cut off
   */
  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      accessLog.close();
    }
  }

  /** For the health route: a map so the shape can grow without a new type. */
  static Map<String, String> ok() {
    return Map.of("status", "ok");
  }
}
