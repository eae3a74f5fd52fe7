package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.index.Pipeline;
import passagesearch.search.SearchService;

/**
 * A search that reaches its time limit answers with what it matched by then, marked partial, and such an answer
 * is never kept in the answer cache. The limit counts from when matching starts (so a cold first search is not
 * cut to nothing while it loads classes and word lists); to reach it for certain, the limit is 1 ms and the
 * corpus 30,000 passages that all match, indexed by words alone.
 */
class TimeLimitIT {
  @Test
  void answersCutShortByTheTimeLimitArePartialAndNotKept(@TempDir Path dir) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (BufferedWriter out = Files.newBufferedWriter(corpus.resolve("many.jsonl"))) {
      for (int i = 0; i < 30_000; i++) {
        out.write("{\"_id\": \"d" + i + "\", \"title\": \"Treatment note " + i + "\", \"text\": \"Treatment " + i
            + " can affect fertility; side effects of treatment number " + (i % 97) + " are listed here.\"}\n");
      }
    }
    Path ranking = dir.resolve("ranking.yaml");
    Files.writeString(ranking, Files.readString(TestSupport.lexicalConfig().resolve("ranking.yaml"))
        .replace("timeLimitMillis: 1000", "timeLimitMillis: 1"));
    IndexConfig config = new ConfigLoader().load(TestSupport.lexicalConfig(), ranking);
    assertEquals(1, config.ranking().timeLimitMillis());
    Pipeline pipeline = TestSupport.pipeline(config, dir.resolve("index"));
    pipeline.build(corpus, false);
    try (SearchService search = new SearchService(pipeline.openCurrent(), TestSupport.models());
        WebServer server = WebServer.create(search).start("127.0.0.1", 0)) {
      AnswerCacheMetricsTest.LiveServerClient client = new AnswerCacheMetricsTest.LiveServerClient(server.port());
      String path = "/api/search?q=treatment+side+effects+fertility";
      for (int i = 0; i < 3; i++) { // an answer is kept when asked a second time, and found the third
        var r = client.get(path);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"partial\":true"), r.body().substring(0, Math.min(400, r.body().length())));
      }
      String scrape = client.get("/metrics").body();
      assertEquals(0, AnswerCacheMetricsTest.metric(scrape, AnswerCacheMetricsTest.HITS), "a partial answer is never served again");
      assertEquals(3, AnswerCacheMetricsTest.metric(scrape, AnswerCacheMetricsTest.MISSES));
      assertEquals(0, AnswerCacheMetricsTest.metric(scrape, AnswerCacheMetricsTest.ENTRIES));
    }
  }
}
