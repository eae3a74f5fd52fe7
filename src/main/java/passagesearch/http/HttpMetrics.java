package passagesearch.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
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
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import passagesearch.search.KeptTable;
import passagesearch.search.SearchEngine;

/**
 * The numbers behind {@code GET /metrics}, in Prometheus text format: requests and latency histograms per
 * route, method and status class; the answer cache and the other tables of kept work; the index being served; the
 * JVM.
 *
 * <p>Every label comes from a closed set, so no request can add a series the server did not already
 * allow for: {@code route} is a route template of {@link Routes} or {@code unmatched} or {@code static};
 * {@code method} is one of the nine standard methods or {@code OTHER}; {@code status} is the class,
 * {@code 1xx} to {@code 5xx}. That is at most (routes + 2) x 10 x 5 request series, each a timer with a
 * latency histogram of {@value #BUCKET_COUNT} fixed buckets: with the 14 routes of today, 800 (about 1.5 MB
 * of scrape at most), though a route only ever sees a few methods and statuses (a scrape after hours of
 * traffic has a few dozen series, about 100 KB).
 */
final class HttpMetrics {
  static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE",
      "CONNECT");
  static final String OTHER_METHOD = "OTHER";
  /** Latency bucket bounds: a few per decade from 1 ms to 10 s, rather than Micrometer's 70-odd. */
  private static final Duration[] BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
      .map(Duration::ofMillis).toArray(Duration[]::new);
  static final int BUCKET_COUNT = 13;

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

  HttpMetrics(SearchEngine search, AccessLog accessLog) {
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
    answerCache(search);
    keptTables(search);
    FunctionCounter.builder("passage_search_access_log_dropped_lines", accessLog, AccessLog::dropped)
        .description("Access log lines dropped because the log writer fell behind").register(registry);
  }

  /**
   * The answer cache: searches answered from it ({@code result="hit"}) or not ({@code "miss"}), answers it
   * dropped to stay within its bounds, and what it holds against them. The counts run over the life of the
   * process; the sizes are those of the generation served now. Hit rate: {@code hit / (hit + miss)}.
   */
  private void answerCache(SearchEngine search) {
    hitsAndMisses("passage_search_answer_cache_gets",
        "Searches the answer cache could answer, by whether it did (explained searches are not counted)", search,
        s -> s.answerCache().hits(), s -> s.answerCache().misses());
    FunctionCounter.builder("passage_search_answer_cache_evictions", search, s -> s.answerCache().evictions())
        .description("Answers dropped from the cache, least recently used first, to keep within its bounds")
        .register(registry);
    Gauge.builder("passage_search_answer_cache_entries", search, s -> s.answerCache().entries())
        .description("Answers kept for the generation being served").register(registry);
    Gauge.builder("passage_search_answer_cache_max_entries", search, s -> s.answerCache().maxEntries())
        .description("The most answers kept per generation (query.cacheEntries; 0: no cache)").register(registry);
    Gauge.builder("passage_search_answer_cache_bytes", search, s -> s.answerCache().bytes())
        .description("Estimated heap held by the kept answers").register(registry);
    Gauge.builder("passage_search_answer_cache_max_bytes", search, s -> s.answerCache().maxBytes())
        .description("The most estimated heap the kept answers may hold").register(registry);
  }

  /**
   * The other tables of kept work ({@link KeptTable}: query and sentence vectors, questions read, concept
   * queries and their matches, snippets), one series each, labelled {@code table}: look-ups that found the work kept
   * ({@code result="hit"}) or did it ({@code "miss"}), entries dropped to stay within the bound, and how many are
   * kept against it. Counts over the life of the process; sizes of the generation served now.
   */
  private void keptTables(SearchEngine search) {
    for (KeptTable table : KeptTable.values()) {
      String label = table.label();
      hitsAndMisses("passage_search_kept_gets", "Look-ups in a table of work kept from earlier searches, by whether "
          + "the work was kept", search, s -> s.kept(table).hits(), s -> s.kept(table).misses(), "table", label);
      FunctionCounter.builder("passage_search_kept_evictions", search, s -> s.kept(table).evictions())
          .description("Entries dropped from a table of kept work, least recently used first, to keep within its bound")
          .tag("table", label).register(registry);
      Gauge.builder("passage_search_kept_entries", search, s -> s.kept(table).entries())
          .description("Entries a table of kept work holds for the generation being served")
          .tag("table", label).register(registry);
      Gauge.builder("passage_search_kept_max_entries", search, s -> s.kept(table).maxEntries())
          .description("The most entries a table of kept work holds per generation").tag("table", label)
          .register(registry);
    }
  }

  /**
   * A cache's look-ups as one counter in two series, {@code result="hit"} and {@code result="miss"}, with the
   * given tags (name, value, ...) beside.
   */
  private void hitsAndMisses(String name, String description, SearchEngine search, ToDoubleFunction<SearchEngine> hits,
      ToDoubleFunction<SearchEngine> misses, String... tags) {
    FunctionCounter.builder(name, search, hits).description(description).tags(tags).tag("result", "hit")
        .register(registry);
    FunctionCounter.builder(name, search, misses).description(description).tags(tags).tag("result", "miss")
        .register(registry);
  }

  void record(Context ctx, float millis) {
    String route = route(ctx);
    String method = method(ctx.req().getMethod());
    String status = statusClass(ctx.status().getCode());
    // One timer per route, method and status class, found again without building a meter id per request.
    timers.computeIfAbsent(route + ' ' + method + ' ' + status, key -> Timer.builder("http_server_requests")
            .description("HTTP requests by route template, method and status class")
            .tag("route", route)
            .tag("method", method)
            .tag("status", status)
            .serviceLevelObjectives(BUCKETS)
            .register(registry))
        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
  }

  /** A standard method as sent, anything else (a made-up or misspelt one) as {@code OTHER}. */
  static String method(String sent) {
    return sent != null && METHODS.contains(sent) ? sent : OTHER_METHOD;
  }

  /** {@code 2xx} for 200 to 299, and so on; anything outside 100 to 599 counts as {@code 5xx}. */
  static String statusClass(int code) {
    return code >= 100 && code < 600 ? code / 100 + "xx" : "5xx";
  }

  /**
   * The route template, never the raw path (ids would make a metric per passage); the page's files are
   * {@code static}, and a request no route took {@code unmatched}.
   */
  private static String route(Context ctx) {
    String path;
    try {
      path = ctx.endpoint().path;
    } catch (RuntimeException noEndpoint) {
      path = null;
    }
    // "*" is the path of the error handlers: the request matched no route.
    if (path == null || path.equals("*")) {
      return "unmatched";
    }
    return StaticPage.paths().contains(path) ? "static" : path;
  }

  void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }
}
