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
  static final String CONFIGURED = "/api/index/rebuild?corpus=configured";
  @TempDir Path tmp;

  /** A server whose index, corpus and configuration are copies it may rebuild from. */
  final class Rig implements AutoCloseable {
    final Path config = tmp.resolve("config");
    final SearchService search;
    final IndexManager manager;
    final WebServer server;
    final Path index = tmp.resolve("index");
    final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    Rig(String token) {
      Path corpus = tmp.resolve("corpus");
      TestSupport.copyFiles(TestSupport.corpus(), corpus);
      TestSupport.copyFiles(TestSupport.config(), config);
      search = TestSupport.searchService(corpus, index);
      manager = new IndexManager(corpus, config, null, index, search, TestSupport.vectorCache());
      server = WebServer.create(search, new HttpSettings(List.of(), token), manager).start("127.0.0.1", 0);
    }

    HttpResponse<String> call(String method, String path, String token) throws Exception {
      return call(method, path, token, null, null);
    }

    /** With a body of {@code type}, or none when {@code body} is null. */
    HttpResponse<String> call(String method, String path, String token, String type, byte[] body) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      if (type != null) {
        b.header("Content-Type", type);
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
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

  /** What the next start of serve does with the index folder, when it is fresh. */
  SearchService restart() {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    store.removeUnpublished();
    return new SearchService(store.openCurrent(TestSupport.loadConfig()));
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
      HttpResponse<String> started = rig.call("POST", CONFIGURED, TOKEN);
      assertEquals(202, started.statusCode(), started.body());
      String jobId = json(started.body()).get("id").asText();
      HttpResponse<String> second = rig.call("POST", CONFIGURED, TOKEN);
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
      String jobId = json(rig.call("POST", CONFIGURED, TOKEN).body()).get("id").asText();
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
      assertEquals(202, rig.call("POST", CONFIGURED, TOKEN).statusCode(), "a refused upload frees the slot");
    }
  }

  @Test
  void anEmptyBodyIsRefusedAndTheConfiguredCorpusIsRebuiltOnlyWhenAskedFor() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      HttpResponse<String> empty = rig.call("POST", "/api/index/rebuild", TOKEN);
      assertEquals(400, empty.statusCode(), empty.body());
      assertTrue(json(empty.body()).get("error").asText().contains("the request has no body"), empty.body());
      assertTrue(json(empty.body()).get("error").asText().contains("?corpus=configured"), empty.body());
      HttpResponse<String> both = rig.call("POST", CONFIGURED, TOKEN, "application/x-ndjson", "{}".getBytes());
      assertEquals(400, both.statusCode(), both.body());
      HttpResponse<String> other = rig.call("POST", "/api/index/rebuild?corpus=mine", TOKEN);
      assertEquals(400, other.statusCode(), other.body());
      assertEquals("gen-000001", rig.search.status().generation(), "nothing was rebuilt");
      HttpResponse<String> started = rig.call("POST", CONFIGURED, TOKEN);
      assertEquals(202, started.statusCode(), started.body());
      assertEquals("SUCCEEDED", rig.waitFor(json(started.body()).get("id").asText()).get("state").asText());
    }
  }

  @Test
  void aBodyThatIsNotAZipIsRefusedWhenItArrivesNotAfterA202() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      HttpResponse<String> r = rig.call("POST", "/api/index/rebuild", TOKEN, "application/zip",
          "this is not a zip archive at all".getBytes());
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(json(r.body()).get("error").asText().contains("not a zip archive"), r.body());
      assertFalse(Files.exists(rig.index.resolve("uploads")), "the spooled body is removed");
      assertEquals(202, rig.call("POST", CONFIGURED, TOKEN).statusCode(), "the slot is free again");
    }
  }

  @Test
  void aLowerCaseSchemeIsAcceptedAndAConfiguredTokenIsTrimmed() throws Exception {
    try (Rig rig = new Rig("  " + TOKEN + " \n")) {
      HttpResponse<String> r = rig.http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
          + rig.server.port() + "/api/index/jobs/nope")).header("Authorization", "bearer " + TOKEN).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(404, r.statusCode(), "authorized, and no such job: " + r.body());
      assertEquals(404, rig.call("GET", "/api/index/jobs/nope", TOKEN).statusCode());
      assertEquals(401, rig.call("GET", "/api/index/jobs/nope", " " + TOKEN + "x").statusCode());
    }
  }

  @Test
  void aJobMessageStaysShortWhateverWasSkipped() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 50_000; i++) {
        lines.append("{\"_id\": \"same\", \"title\": \"T\", \"text\": \"Ponatinib is a kinase inhibitor.\"}\n");
      }
      HttpResponse<String> started = rig.call("POST", "/api/index/rebuild", TOKEN, "application/x-ndjson",
          lines.toString().getBytes());
      assertEquals(202, started.statusCode(), started.body());
      JsonNode job = rig.waitFor(json(started.body()).get("id").asText());
      assertEquals("SUCCEEDED", job.get("state").asText(), job.toString());
      String message = job.get("message").asText();
      assertTrue(message.length() <= 4096, message.length() + " characters");
      assertTrue(message.startsWith("published gen-000002; skipped "), message);
      assertTrue(message.contains("already used by"), message);
      assertTrue(message.matches(".*and [\\d,]+ more.*"), message);

      StringBuilder bad = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        bad.append("{not json ").append(i).append("\n");
      }
      started = rig.call("POST", "/api/index/rebuild", TOKEN, "application/x-ndjson", bad.toString().getBytes());
      job = rig.waitFor(json(started.body()).get("id").asText());
      assertEquals("FAILED", job.get("state").asText(), job.toString());
      assertTrue(job.get("message").asText().startsWith("the corpus gave no passages"),
          job.toString());
      assertTrue(job.get("message").asText().contains("upload.jsonl"), "names the first reasons: " + job);
      assertEquals("gen-000002", rig.search.status().generation());
    }
  }

  @Test
  void aRollbackToAGenerationThatCannotBeOpenedIsA409AndChangesNothing() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      String job = json(rig.call("POST", CONFIGURED, TOKEN).body()).get("id").asText();
      assertEquals("SUCCEEDED", rig.waitFor(job).get("state").asText());
      try (var files = Files.list(rig.index.resolve("gen-000001"))) {
        for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
          Files.delete(f);
        }
      }
      HttpResponse<String> r = rig.call("POST", "/api/index/rollback", TOKEN);
      assertEquals(409, r.statusCode(), r.body());
      assertTrue(json(r.body()).get("error").asText().contains("gen-000001 cannot be served"), r.body());
      assertEquals("gen-000002\n", Files.readString(rig.index.resolve(IndexStore.CURRENT)));
      try (var files = Files.list(rig.index)) {
        assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
      }
      assertEquals("gen-000002", rig.search.status().generation());
      assertEquals(200, rig.call("GET", "/api/search?q=imatinib", null).statusCode());
    }
    try (SearchService restarted = restart()) {
      assertEquals("gen-000002", restarted.status().generation(), "the next start serves what was served");
    }
  }

  @Test
  void theStatusSaysWhenAnotherProcessPublishedAGeneration() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      JsonNode before = json(rig.call("GET", "/api/index", null).body());
      assertEquals("gen-000001", before.get("published").asText());
      assertFalse(before.get("stale").asBoolean());
      String etag = rig.call("GET", "/api/index", null).headers().firstValue("ETag").orElseThrow();
      // What the index command does from another process: a new generation, published beside the served one.
      new IndexStore(rig.index).build(new passagesearch.ingest.CorpusReader().read(tmp.resolve("corpus")),
          TestSupport.loadConfig());
      HttpResponse<String> r = rig.http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
          + rig.server.port() + "/api/index")).header("If-None-Match", etag).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), "not a 304: the answer changed");
      JsonNode after = json(r.body());
      assertEquals("gen-000001", after.get("generation").asText());
      assertEquals("gen-000002", after.get("published").asText());
      assertTrue(after.get("stale").asBoolean());
    }
  }

  @Test
  void aClientThatHangsUpMidUploadLeavesNoScratchAndFreesTheSlot() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", rig.server.port())) {
        java.io.OutputStream out = socket.getOutputStream();
        out.write(("POST /api/index/rebuild HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
            + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000000\r\n\r\n{\"_id\": \"a\"")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(300); // lets the handler start reading; not a measurement
      }
      HttpResponse<String> next = null;
      for (int i = 0; i < 100 && (next == null || next.statusCode() == 409); i++) {
        Thread.sleep(50);
        next = rig.call("POST", CONFIGURED, TOKEN);
      }
      assertEquals(202, next.statusCode(), "the slot is free again: " + next.body());
      assertEquals("SUCCEEDED", rig.waitFor(json(next.body()).get("id").asText()).get("state").asText());
      assertFalse(Files.exists(rig.index.resolve("uploads")), "the scratch is removed");
    }
  }

  @Test
  void rollbacksAndRebuildsAtOnceAnswer200Or202Or409AndLeaveOneConsistentGeneration() throws Exception {
    try (Rig rig = new Rig(TOKEN)) {
      String first = json(rig.call("POST", CONFIGURED, TOKEN).body()).get("id").asText();
      assertEquals("SUCCEEDED", rig.waitFor(first).get("state").asText());
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
      try {
        for (int round = 0; round < 3; round++) {
          List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
          java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
          for (int i = 0; i < 24; i++) {
            String path = i % 6 == 5 ? CONFIGURED : "/api/index/rollback";
            answers.add(pool.submit(() -> {
              go.await();
              return rig.call("POST", path, TOKEN);
            }));
          }
          go.countDown();
          java.util.List<String> jobs = new java.util.ArrayList<>();
          for (var answer : answers) {
            HttpResponse<String> r = answer.get();
            assertTrue(List.of(200, 202, 409).contains(r.statusCode()), r.statusCode() + " " + r.body());
            if (r.statusCode() == 202) {
              jobs.add(json(r.body()).get("id").asText());
            }
          }
          for (String job : jobs) {
            assertEquals("SUCCEEDED", rig.waitFor(job).get("state").asText());
          }
          JsonNode status = json(rig.call("GET", "/api/index", null).body());
          assertFalse(status.get("stale").asBoolean(), "serves what CURRENT names: " + status);
          assertEquals(200, rig.call("GET", "/api/search?q=imatinib", null).statusCode());
        }
      } finally {
        pool.shutdownNow();
      }
      try (var files = Files.list(rig.index)) {
        assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
      }
    }
    try (SearchService restarted = restart()) {
      assertFalse(restarted.search(passagesearch.search.SearchRequest.of("imatinib")).hits().isEmpty(),
          "the next start works");
    }
  }
}
