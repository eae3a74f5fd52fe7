package passagesearch.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import passagesearch.search.SearchService;

/**
 * The numbers behind {@code GET /metrics}, in Prometheus text format: requests and latency histograms per
 * route, method and status; the index being served; the JVM.
 */
final class HttpMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final java.util.concurrent.ConcurrentMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

  HttpMetrics(SearchService search) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("passage_search_index_passages", search, s -> s.status().passages())
        .description("Passages in the generation being served").register(registry);
    Gauge.builder("passage_search_index_documents", search, s -> s.status().documents())
        .description("Documents in the generation being served").register(registry);
    Gauge.builder("passage_search_index_build_seconds", search, s -> s.status().buildMillis() / 1000.0)
        .description("How long the generation being served took to build").register(registry);
  }

  void record(Context ctx, float millis) {
    String route = route(ctx);
    String method = ctx.method().name();
    int status = ctx.status().getCode();
    // One timer per route, method and status, found again without building a meter id per request.
    timers.computeIfAbsent(route + ' ' + method + ' ' + status, key -> Timer.builder("http_server_requests")
            .description("HTTP requests by route, method and status")
            .tag("route", route)
            .tag("method", method)
            .tag("status", Integer.toString(status))
            .publishPercentileHistogram()
            .register(registry))
        .record((long) (millis * 1_000_000), java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** The route template, never the raw path (ids would make a metric per passage). */
  private static String route(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException noEndpoint) {
      return ctx.status().getCode() == 404 ? "unmatched" : "static";
    }
  }

  void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }
}
