package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caches seen from outside, over HTTP: the answer cache's hits, misses and size on {@code /metrics}, and
 * the kept query vectors'.
 */
class AnswerCacheMetricsTest {
  static final String HITS = "passage_search_answer_cache_gets_total{result=\"hit\"}";
  static final String MISSES = "passage_search_answer_cache_gets_total{result=\"miss\"}";
  static final String ENTRIES = "passage_search_answer_cache_entries";
  static final String BYTES = "passage_search_answer_cache_bytes";

  @TempDir static Path indexDir;
  static LiveServer live;

  @BeforeAll
  static void start() {
    live = new LiveServer(indexDir);
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @Test
  void aRepeatedSearchIsAHitOnMetrics() throws Exception {
    String path = "/api/search?q=maintenance+chemotherapy&limit=7";
    double hits = metric(live, HITS);
    double misses = metric(live, MISSES);
    double entries = metric(live, ENTRIES);
    assertEquals(200, live.get(path).statusCode());
    assertEquals(hits, metric(live, HITS), "the first time is not a hit");
    assertEquals(misses + 1, metric(live, MISSES), "the first time is a miss");
    assertEquals(entries + 1, metric(live, ENTRIES), "and its answer is kept");
    assertEquals(200, live.get(path).statusCode());
    assertEquals(hits + 1, metric(live, HITS), "the second time is a hit");
    assertEquals(misses + 1, metric(live, MISSES));
    assertEquals(entries + 1, metric(live, ENTRIES));
    assertTrue(metric(live, BYTES) > 0);
    assertEquals(1000, metric(live, "passage_search_answer_cache_max_entries"), "query.cacheEntries as shipped");
    assertTrue(metric(live, "passage_search_answer_cache_max_bytes") > 0);
    assertTrue(live.get("/metrics").body().contains("passage_search_answer_cache_evictions_total "));
    assertEquals(0, metric(live, "passage_search_access_log_dropped_lines_total"), "the access log keeps up");
  }

  @Test
  void explainedAnswersAreNotKeptNorCounted() throws Exception {
    String path = "/api/search?q=maintenance+chemotherapy&limit=6&explain=true";
    double hits = metric(live, HITS);
    double misses = metric(live, MISSES);
    double entries = metric(live, ENTRIES);
    for (int i = 0; i < 2; i++) {
      var r = live.get(path);
      assertEquals(200, r.statusCode());
      assertTrue(live.json(r.body()).has("understood"), "explained, each time");
    }
    assertEquals(hits, metric(live, HITS));
    assertEquals(misses, metric(live, MISSES));
    assertEquals(entries, metric(live, ENTRIES));
  }

  @Test
  void aQuestionAskedAgainWithAFilterOrOnAnotherPageReusesItsVector() throws Exception {
    String vectorHits = "passage_search_query_vector_cache_gets_total{result=\"hit\"}";
    String vectorMisses = "passage_search_query_vector_cache_gets_total{result=\"miss\"}";
    String kept = "passage_search_query_vector_cache_entries";
    String q = "/api/search?q=will+treatment+affect+whether+I+can+have+a+baby";
    double hits = metric(live, vectorHits);
    double misses = metric(live, vectorMisses);
    double entries = metric(live, kept);
    assertEquals(200, live.get(q).statusCode());
    assertEquals(hits, metric(live, vectorHits), "the model read the question");
    assertEquals(misses + 1, metric(live, vectorMisses));
    assertEquals(entries + 1, metric(live, kept), "and its vector is kept");
    double answerHits = metric(live, HITS);
    for (String again : List.of(q + "&limit=3", q + "&offset=5", q + "&tag=all")) {
      assertEquals(200, live.get(again).statusCode(), again);
    }
    assertEquals(answerHits, metric(live, HITS), "each a new search: none answered from the answer cache");
    assertEquals(hits + 3, metric(live, vectorHits), "each reused the question's vector");
    assertEquals(misses + 1, metric(live, vectorMisses));
    assertEquals(entries + 1, metric(live, kept));
    assertEquals(1024, metric(live, "passage_search_query_vector_cache_max_entries"));
  }

  /** Plain GETs to a server on a port. */
  record LiveServerClient(int port) {
    java.net.http.HttpResponse<String> get(String path) throws Exception {
      return java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }
  }

  static double metric(LiveServer server, String series) throws Exception {
    return metric(server.get("/metrics").body(), series);
  }

  /** The value of one series in a Prometheus scrape; the test fails when it is missing. */
  static double metric(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    assertTrue(m.find(), series + " is not in the scrape");
    return Double.parseDouble(m.group(1));
  }
}
