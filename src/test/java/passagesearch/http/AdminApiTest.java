package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.index.IndexStore;
import passagesearch.search.SearchService;
import passagesearch.serving.IndexManager;

/** Admin routes: disabled without a token, closed without the right one, rebuild and rollback with it. */
class AdminApiTest {
  static final String TOKEN = "s3cret-token";
  @TempDir Path tmp;

  /** A server whose index, corpus and configuration are copies it may rebuild from. */
  final class Rig implements AutoCloseable {
    final Path config = tmp.resolve("config");
    final SearchService search;
    final IndexManager manager;
    final WebServer server;

    Rig(String token) {
      Path corpus = tmp.resolve("corpus");
      TestSupport.copyFiles(TestSupport.corpus(), corpus);
      TestSupport.copyFiles(TestSupport.config(), config);
      Path index = tmp.resolve("index");
      search = TestSupport.searchService(corpus, index);
      manager = new IndexManager(corpus, config, null, index, search);
      server = WebServer.create(search, new HttpSettings(List.of(), token), manager).start("127.0.0.1", 0);
    }

    HttpResponse<String> call(String method, String path, String token) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + path))
          .method(method, HttpRequest.BodyPublishers.noBody());
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode waitFor(String jobId) throws Exception {
      for (int i = 0; i < 200; i++) {
        JsonNode job = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            call("GET", "/api/index/jobs/" + jobId, TOKEN).body());
        if (job.get("state").asText().equals("SUCCEEDED") || job.get("state").asText().equals("FAILED")) {
          return job;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("job " + jobId + " did not finish");
    }

    @Override
    public void close() {
      server.close();
      manager.close();
      search.close();
    }
  }

  static JsonNode json(String body) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
  }

  @Test
  void withNoTokenConfiguredAdminRoutesAreDisabled() throws Exception {
    try (Rig rig = new Rig(null)) {
      for (String[] route : new String[][] {{"POST", "/api/index/rebuild"}, {"GET", "/api/index/jobs/x"},
          {"POST", "/api/index/rollback"}}) {
        HttpResponse<String> r = rig.call(route[0], route[1], "anything");
        assertEquals(403, r.statusCode(), route[1]);
        assertEquals(403, json(r.body()).get("status").asInt());
      }
    }
  }

  @Test
  void aMissingOrWrongTokenIsA401WithNoDetail() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      for (String token : new String[] {null, "", "wrong", TOKEN + "x", TOKEN.substring(1)}) {
        HttpResponse<String> r = rig.call("POST", "/api/index/rebuild", token);
        assertEquals(401, r.statusCode());
        assertEquals("unauthorized", json(r.body()).get("error").asText());
      }
      assertEquals("gen-000001", rig.search.status().generation(), "nothing was rebuilt");
    }
  }

  @Test
  void aRebuildPublishesANewGenerationWhileSearchesGoOnAndRollbackReturnsToThePreviousOne() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      HttpResponse<String> started = rig.call("POST", "/api/index/rebuild", TOKEN);
      assertEquals(202, started.statusCode(), started.body());
      String jobId = json(started.body()).get("id").asText();
      HttpResponse<String> second = rig.call("POST", "/api/index/rebuild", TOKEN);
      assertEquals(409, second.statusCode(), "one rebuild at a time");
      assertEquals(200, rig.call("GET", "/api/search?q=imatinib", null).statusCode());
      JsonNode job = rig.waitFor(jobId);
      assertEquals("SUCCEEDED", job.get("state").asText(), job.toString());
      assertEquals("gen-000002", job.get("generation").asText());
      assertEquals("gen-000002", json(rig.call("GET", "/api/index", null).body()).get("generation").asText());
      assertEquals(200, rig.call("GET", "/api/search?q=imatinib", null).statusCode());

      HttpResponse<String> back = rig.call("POST", "/api/index/rollback", TOKEN);
      assertEquals(200, back.statusCode(), back.body());
      assertEquals("gen-000001", json(back.body()).get("generation").asText());
      assertEquals("gen-000001", rig.search.status().generation());
      assertEquals(409, rig.call("POST", "/api/index/rollback", TOKEN).statusCode(), "nothing before gen-000001");
    }
  }

  @Test
  void aFailedRebuildSaysWhyAndLeavesTheServingGenerationUntouched() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      Path rules = rig.config.resolve("boilerplate.yaml");
      Files.writeString(rules, Files.readString(rules).replace("'^Translate$'", "'^Translate($'"));
      String jobId = json(rig.call("POST", "/api/index/rebuild", TOKEN).body()).get("id").asText();
      JsonNode job = rig.waitFor(jobId);
      assertEquals("FAILED", job.get("state").asText());
      assertTrue(job.get("message").asText().contains("boilerplate.yaml"), job.toString());
      assertEquals("gen-000001", rig.search.status().generation());
      assertEquals("gen-000001", new IndexStore(tmp.resolve("index")).current().orElseThrow().name());
      HttpResponse<String> r = rig.call("GET", "/api/search?q=imatinib", null);
      assertEquals(200, r.statusCode());
      assertFalse(json(r.body()).get("hits").isEmpty());
      assertEquals(404, rig.call("GET", "/api/index/jobs/nope", TOKEN).statusCode());
    }
  }

  @Test
  void aCorpusSentWithTheRequestIsIndexedAndABadOneIsA400() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      String jsonl = "{\"_id\": \"u1\", \"title\": \"Uploaded\", \"text\": \"Ponatinib is a third-generation "
          + "tyrosine kinase inhibitor used when other treatments stop working.\"}\n";
      HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + rig.server.port()
          + "/api/index/rebuild")).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(jsonl));
      HttpResponse<String> started = java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(202, started.statusCode(), started.body());
      JsonNode job = rig.waitFor(json(started.body()).get("id").asText());
      assertEquals("SUCCEEDED", job.get("state").asText(), job.toString());
      assertEquals(1, job.get("documents").asInt());
      JsonNode hits = json(rig.call("GET", "/api/search?q=ponatinib", null).body()).get("hits");
      assertEquals("u1", hits.get(0).at("/source/id").asText());
      assertFalse(Files.exists(tmp.resolve("index/uploads/" + job.get("id").asText())), "scratch removed");

      HttpRequest.Builder bad = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + rig.server.port()
          + "/api/index/rebuild")).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString("hello"));
      HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(bad.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(400, refused.statusCode(), refused.body());
      assertTrue(json(refused.body()).get("error").asText().contains("Content-Type must be"));
      assertEquals(202, rig.call("POST", "/api/index/rebuild", TOKEN).statusCode(), "a refused upload frees the slot");
    }
  }
}
