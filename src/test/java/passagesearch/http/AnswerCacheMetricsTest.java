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
 * those of every other table of kept work.
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
  void aSearchAskedTwiceIsKeptAndAHitTheThirdTime() throws Exception {
    String path = "/api/search?q=maintenance+chemotherapy&limit=7";
    double hits = metric(live, HITS);
    double misses = metric(live, MISSES);
    double entries = metric(live, ENTRIES);
    assertEquals(200, live.get(path).statusCode());
    assertEquals(hits, metric(live, HITS), "the first time is not a hit");
    assertEquals(misses + 1, metric(live, MISSES), "the first time is a miss");
    assertEquals(entries, metric(live, ENTRIES), "and its answer is not kept: most questions are asked once");
    assertEquals(200, live.get(path).statusCode());
    assertEquals(hits, metric(live, HITS), "the second time is a miss too");
    assertEquals(misses + 2, metric(live, MISSES));
    assertEquals(entries + 1, metric(live, ENTRIES), "asked again, its answer is kept");
    assertEquals(200, live.get(path).statusCode());
    assertEquals(hits + 1, metric(live, HITS), "the third time is a hit");
    assertEquals(misses + 2, metric(live, MISSES));
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
    String q = "/api/search?q=will+treatment+affect+whether+I+can+have+a+baby";
    Counts before = Counts.of("query_vectors");
    assertEquals(200, live.get(q).statusCode());
    assertEquals(before.plus(0, 1, 1), Counts.of("query_vectors"), "the model read the question, and its vector is kept");
    double answerHits = metric(live, HITS);
    for (String again : List.of(q + "&limit=3", q + "&offset=5", q + "&tag=all")) {
      assertEquals(200, live.get(again).statusCode(), again);
    }
    assertEquals(answerHits, metric(live, HITS), "each a new search: none answered from the answer cache");
    assertEquals(before.plus(3, 1, 1), Counts.of("query_vectors"), "each reused the question's vector");
    assertEquals(1024, metric(live, kept("max_entries", null, "query_vectors")));
  }

  @Test
  void aQuestionIsReadOnceItIsAskedASecondTime() throws Exception {
    String q = "/api/search?q=how+long+does+consolidation+treatment+last";
    Counts before = Counts.of("query_readings");
    assertEquals(200, live.get(q).statusCode());
    assertEquals(before.plus(0, 1, 0), Counts.of("query_readings"), "read; a question asked once is not kept");
    assertEquals(200, live.get(q + "&limit=4").statusCode());
    assertEquals(before.plus(0, 2, 1), Counts.of("query_readings"), "read again the second time it was asked, and kept");
    assertEquals(200, live.get(q + "&offset=3").statusCode());
    assertEquals(before.plus(1, 2, 1), Counts.of("query_readings"), "the third search reused the reading");
  }

  @Test
  void aPassageShownAgainForAQuestionHasItsSnippetKept() throws Exception {
    String q = "/api/search?q=what+happens+during+induction+treatment";
    Counts before = Counts.of("snippets");
    String first = live.get(q + "&limit=3").body();
    assertEquals(before.plus(0, 3, 0), Counts.of("snippets"), "three passages marked; shown once, none kept");
    live.get(q + "&limit=2");
    assertEquals(before.plus(0, 5, 2), Counts.of("snippets"), "the first two marked again, shown twice, and kept");
    String third = live.get(q + "&limit=4").body();
    assertEquals(before.plus(2, 7, 3), Counts.of("snippets"), "two reused; the third marked and kept, the fourth marked");
    assertEquals(snippets(first), snippets(third).subList(0, 3), "a kept snippet is the one marked for the passage");
    assertEquals(4, snippets(third).size());
  }

  @Test
  void aPassageFoundByATagHasItsTagWordsMarkedWhenItsSnippetIsKept() throws Exception {
    // Campath's one passage says "anti-CD52", none of the question's words: its snippet marks the tag's words.
    String q = "/api/search?q=Campath&limit=1";
    Counts before = Counts.of("snippets");
    String first = live.get(q).body();
    live.get(q + "&tag=immunotherapy");
    String kept = live.get(q + "&tag=alemtuzumab").body();
    assertEquals(before.plus(1, 2, 1), Counts.of("snippets"), "marked twice, kept, then reused");
    assertTrue(snippets(first).get(0).contains("<mark>anti-CD52</mark>"), first);
    assertEquals(snippets(first), snippets(kept), "the kept snippet is the one shown, its tag's words marked");
  }

  private static List<String> snippets(String body) {
    return Pattern.compile("\"snippet\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body).results().map(m -> m.group(1)).toList();
  }

  /** A kept table's look-ups and size in one scrape of the live server. */
  record Counts(double hits, double misses, double entries) {
    static Counts of(String table) throws Exception {
      String scrape = live.get("/metrics").body();
      return new Counts(metric(scrape, kept("gets_total", "hit", table)), metric(scrape, kept("gets_total", "miss", table)),
          metric(scrape, kept("entries", null, table)));
    }

    Counts plus(double moreHits, double moreMisses, double moreEntries) {
      return new Counts(hits + moreHits, misses + moreMisses, entries + moreEntries);
    }
  }

  @Test
  void everyKeptTableIsOnMetricsWithItsBound() throws Exception {
    String scrape = live.get("/metrics").body();
    var bounds = java.util.Map.of("query_vectors", 1024, "sentence_vectors", 2048, "query_readings", 128,
        "concept_queries", 256, "concept_matches", 1024, "snippets", 2048);
    bounds.forEach((table, bound) -> {
      assertEquals(bound.doubleValue(), metric(scrape, kept("max_entries", null, table)), table);
      assertTrue(metric(scrape, kept("entries", null, table)) <= bound, table);
      assertTrue(metric(scrape, kept("gets_total", "hit", table)) >= 0, table);
      assertTrue(metric(scrape, kept("gets_total", "miss", table)) >= 0, table);
      assertTrue(metric(scrape, kept("evictions_total", null, table)) >= 0, table);
    });
    assertEquals(6, scrape.lines().filter(l -> l.startsWith("passage_search_kept_max_entries{")).count(),
        "one series a table, and no more");
  }

  @Test
  void aConceptAskedAgainHasItsQueryKeptAndItsMatchesLookedUp() throws Exception {
    String hits = kept("gets_total", "hit", "concept_queries");
    String lookUps = kept("gets_total", "miss", "concept_matches");
    double hit = metric(live, hits);
    double matches = metric(live, lookUps) + metric(live, kept("gets_total", "hit", "concept_matches"));
    for (String q : List.of("relapse+after+transplant", "relapse+symptoms", "relapse+treatment+options")) {
      assertEquals(200, live.get("/api/search?q=" + q).statusCode(), q);
    }
    assertTrue(metric(live, hits) > hit, "relapse, asked a third time, had its queries kept");
    assertTrue(metric(live, lookUps) + metric(live, kept("gets_total", "hit", "concept_matches")) > matches,
        "concept matches are looked up in the searcher's cache");
  }

  /** A kept table's series: {@code passage_search_kept_<name>} with its labels as Prometheus writes them. */
  static String kept(String name, String result, String table) {
    return "passage_search_kept_" + name + "{" + (result == null ? "" : "result=\"" + result + "\",") + "table=\""
        + table + "\"}";
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
