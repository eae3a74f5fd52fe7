package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

/**
 * The index folder has one builder at a time across processes: an {@code index} command run while
 * {@code serve} rebuilds waits for it and then builds, and nothing served or being built is lost; the
 * server says that the folder now publishes a generation it does not serve; the next start serves that
 * one and clears the upload scratch a crash left.
 */
class IndexFolderLockIT {
  @TempDir Path tmp;

  @Test
  @Timeout(240)
  void anIndexCommandWaitsForTheServersRebuildAndNothingServedOrBeingBuiltIsLost() throws Exception {
    Path index = tmp.resolve("index");
    ObjectMapper json = new ObjectMapper();
    // Semantic retrieval off: a 40,000-document rebuild with passage vectors would take the test's minutes.
    try (ServeProcess serve = new ServeProcess(List.of(), List.of(), TestSupport.corpus(), TestSupport.lexicalConfig(),
        index, tmp.resolve("serve.log"))) {
      // A corpus big enough that its rebuild is still running when the index command starts.
      HttpResponse<String> started = HttpClient.newHttpClient().send(serve.request("/api/index/rebuild")
          .header("Authorization", "Bearer " + ServeProcess.TOKEN).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(bigCorpus(40_000))).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(202, started.statusCode(), started.body());
      String job = json.readTree(started.body()).get("id").asText();
      // Start the index command once the rebuild is seen indexing, with most of its documents still to go.
      JsonNode running = awaitIndexing(serve, job);
      assertTrue(running.get("documents").asInt() < 20_000, "the rebuild is well under way, not nearly done: " + running);

      Process indexer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName(), "index",
          "--corpus", TestSupport.corpus().toString(), "--config", TestSupport.lexicalConfig().toString(),
          "--index", index.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("index.log").toFile()).start();
      assertTrue(indexer.waitFor(180, TimeUnit.SECONDS), "the index command ended");
      String said = Files.readString(tmp.resolve("index.log"));
      assertEquals(0, indexer.exitValue(), said);

      JsonNode rebuilt = jobState(serve, job);
      assertEquals("SUCCEEDED", rebuilt.get("state").asText(), "the server's build was not touched: " + rebuilt);
      assertEquals("gen-000002", rebuilt.get("generation").asText());
      assertTrue(said.contains("Another build or rollback is running in " + index), "it said why it waited: " + said);
      assertTrue(said.contains("gen-000003"), said);

      JsonNode status = serve.get("/api/index");
      assertEquals("gen-000002", status.get("generation").asText(), "serves what it built");
      assertEquals("gen-000003", status.get("published").asText(), "sees what the index command published");
      assertTrue(status.get("stale").asBoolean());
      assertFalse(serve.ids("imatinib").isEmpty(), "still answers from its own generation");
      assertTrue(Files.isRegularFile(index.resolve("gen-000002/generation.json")), "the served generation is kept");
      assertEquals(0, serve.terminate(), Files.readString(serve.log));
    }

    // A crash left upload scratch behind; the next start clears it and serves what CURRENT names.
    Files.createDirectories(index.resolve("uploads/3f2a-left-by-a-crash"));
    Files.writeString(index.resolve("uploads/3f2a-left-by-a-crash/upload.jsonl"), "{}\n");
    try (ServeProcess again = new ServeProcess(List.of(), List.of(), TestSupport.corpus(), TestSupport.lexicalConfig(), index,
        tmp.resolve("again.log"))) {
      JsonNode status = again.get("/api/index");
      assertEquals("gen-000003", status.get("generation").asText());
      assertFalse(status.get("stale").asBoolean());
      assertFalse(Files.exists(index.resolve("uploads")), "stale upload scratch removed at start-up");
      assertEquals(0, again.terminate());
    }
  }

  static String bigCorpus(int documents) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < documents; i++) {
      lines.append("{\"_id\": \"d").append(i).append("\", \"title\": \"Document ").append(i)
          .append("\", \"text\": \"Imatinib and dasatinib are tyrosine kinase inhibitors. This is document ")
          .append(i).append(" of a corpus large enough that indexing it takes a while.\"}\n");
    }
    return lines.toString();
  }

  /** The job once it reports documents indexed. */
  static JsonNode awaitIndexing(ServeProcess serve, String id) throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 6000; i++) {
      JsonNode job = json.readTree(HttpClient.newHttpClient().send(serve.request("/api/index/jobs/" + id)
          .header("Authorization", "Bearer " + ServeProcess.TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
      if (!job.get("state").asText().equals("QUEUED") && job.get("documents").asInt() > 0) {
        return job;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("job " + id + " never started indexing");
  }

  static JsonNode jobState(ServeProcess serve, String id) throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 2400; i++) {
      JsonNode job = json.readTree(HttpClient.newHttpClient().send(serve.request("/api/index/jobs/" + id)
          .header("Authorization", "Bearer " + ServeProcess.TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
      if (job.get("state").asText().equals("SUCCEEDED") || job.get("state").asText().equals("FAILED")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not finish");
  }
}
