package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

/**
 * Issue 13's reproductions, rerun against {@code bin/passage-search serve} with its production flags (128 MB
 * heap, exit on out-of-memory) on the seed corpus, SciFact and three oversized documents: after each, the
 * process is up and answers {@code leukaemia} exactly as before. Each prints one {@code HOSTILE:} line with
 * what it sent and what came back, for the closing note.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileClientsIT {
  @TempDir static Path tmp;
  static ProductionServer server;
  static List<String> leukaemia;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = tmp.resolve("corpus");
    TestSupport.copyFiles(TestSupport.corpus(), corpus);
    Path scifact = TestSupport.root().resolve("../shared/data/scifact/corpus.jsonl").normalize();
    if (Files.isRegularFile(scifact)) {
      Files.createSymbolicLink(corpus.resolve("scifact.jsonl"), scifact);
    }
    // A 10 MB and a 3.9 MB paragraph with no sentence end, a 27 KB explicit heading, and a byte-order mark.
    runOn(corpus.resolve("run-on.md"), "zyxrunon", 10_000_000);
    runOn(corpus.resolve("shorter-run-on.md"), "zyxshorter", 3_900_000);
    TestSupport.write(corpus.resolve("long-heading.md"), "# " + "heading word ".repeat(2100) + "\n\nzyxheading text.\n");
    TestSupport.write(corpus.resolve("marked.md"), "\uFEFF# Marked heading\n\nzyxbom text under a marked heading.\n");
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    // Semantic retrieval off: embedding SciFact and 500 passages of run-on text would take the test's
    // minutes; what it attacks (HTTP, ingest, memory bounds) is the same either way.
    server = new ProductionServer(corpus, TestSupport.lexicalConfig(), tmp.resolve("index"), logs);
    leukaemia = server.ids("leukaemia");
    assertEquals(10, leukaemia.size());
  }

  private static void runOn(Path file, String first, int bytes) throws IOException {
    try (OutputStream o = Files.newOutputStream(file)) {
      o.write(("# Run on\n\n" + first + " ").getBytes(StandardCharsets.UTF_8));
      byte[] words = "word after word without an end ".repeat(1000).getBytes(StandardCharsets.UTF_8);
      for (int written = 0; written < bytes; written += words.length) {
        o.write(words);
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** The process is up and serves the same answer as at the start. */
  static void stillServing(String scenario) throws Exception {
    assertTrue(server.process.isAlive(), scenario + ": the server exited\n" + server.tail());
    assertEquals(200, server.get("/health").statusCode(), scenario);
    assertEquals(leukaemia, server.ids("leukaemia"), scenario + ": the answer changed");
  }

  static void report(String line) {
    System.out.println("HOSTILE: " + line);
  }

  @Test
  @Order(1)
  void madeUpMethodsDoNotGrowTheMetrics() throws Exception {
    int before = server.get("/metrics").body().length();
    int sent = 0;
    while (sent < 12_000) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", server.port), 5_000);
        s.setSoTimeout(10_000);
        Thread drain = Thread.ofVirtual().start(() -> drain(s));
        OutputStream o = s.getOutputStream();
        try {
          for (int i = 0; i < 2_000 && sent < 12_000; i++, sent++) {
            o.write(("M%06d /api/search?q=x HTTP/1.1\r\nHost: x\r\n\r\n".formatted(sent)).getBytes(StandardCharsets.US_ASCII));
          }
          o.flush();
          s.shutdownOutput();
        } catch (IOException closedByServer) {
          // Jetty may close a connection after a bad request; the next one carries on.
        }
        drain.join(10_000);
      }
    }
    int after = server.get("/metrics").body().length();
    report("12,000 made-up methods: /metrics " + before + " -> " + after + " bytes");
    assertTrue(after < before + 200_000, "metrics grew from " + before + " to " + after + " bytes");
    stillServing("made-up methods");
  }

  private static void drain(Socket s) {
    try (InputStream in = s.getInputStream()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // closed
    }
  }

  @Test
  @Order(2)
  void clientsThatNeverReadDoNotExhaustTheHeap() throws Exception {
    List<Socket> idle = new ArrayList<>();
    String[] paths = {"/api/documents", "/api/documents?limit=100", "/api/search?q=the+cell&limit=50",
        "/api/documents/scifact-4983"};
    try {
      for (int i = 0; i < 40; i++) {
        Socket s = new Socket();
        s.setReceiveBufferSize(1024);
        s.connect(new InetSocketAddress("127.0.0.1", server.port), 5_000);
        s.getOutputStream().write(("GET " + paths[i % paths.length] + " HTTP/1.1\r\nHost: x\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        idle.add(s);
      }
      Thread.sleep(2_000);
      stillServing("40 clients that never read");
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
    report("40 connections asking for listings and 50-hit pages, never reading: served on");
  }

  @Test
  @Order(3)
  void anOversizedParagraphIsServedInBoundedPassages() throws Exception {
    assertEquals(0, server.json(server.get("/api/search?q=zyxrunon").body()).get("total").asInt(),
        "a 10 MB document is over the bound: skipped");
    HttpResponse<String> found = server.get("/api/search?q=zyxshorter");
    assertEquals(200, found.statusCode());
    JsonNode hit = server.json(found.body()).get("hits").get(0);
    String id = hit.get("id").asText();
    int length = hit.get("text").asText().length();
    assertTrue(length <= 20_000, "a passage of " + length + " characters");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        calls.add(pool.submit(() -> server.get("/api/passages/" + id).statusCode()));
      }
      for (Future<Integer> call : calls) {
        assertEquals(200, call.get());
      }
    } finally {
      pool.shutdownNow();
    }
    HttpResponse<String> suggest = server.get("/api/suggest?q=head");
    assertEquals(200, suggest.statusCode());
    report("10 MB paragraph: skipped; 3.9 MB paragraph: first passage " + length + " characters; 32 reads of it, 8 at a time; suggest after a 27 KB heading: "
        + suggest.statusCode());
    stillServing("oversized paragraph");
  }

  /** Sends a corpus as a rebuild; returns the status, and the finished job when it was accepted. */
  static Outcome upload(String contentType, Supplier<InputStream> body, long length) throws Exception {
    // Expect: 100-continue, as curl sends it for a large body: a body over the bound is refused before it is sent.
    HttpRequest.Builder request = server.admin("/api/index/rebuild").header("Content-Type", contentType)
        .expectContinue(length > 1024 * 1024)
        .POST(length == 0 ? HttpRequest.BodyPublishers.noBody() : length < 0 ? HttpRequest.BodyPublishers.ofInputStream(body)
            : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length));
    HttpResponse<String> r;
    try {
      r = server.send(request);
    } catch (IOException refusedMidway) {
      return new Outcome(-1, null, refusedMidway.toString());
    }
    if (r.statusCode() != 202) {
      return new Outcome(r.statusCode(), null, r.body());
    }
    JsonNode job = server.awaitJob(server.json(r.body()).get("id").asText());
    return new Outcome(202, job.get("state").asText(), job.get("message").asText());
  }

  record Outcome(int status, String state, String message) {
    @Override
    public String toString() {
      return status + (state == null ? "" : " " + state) + " (" + message.length() + "-character message: "
          + (message.length() > 160 ? message.substring(0, 160) + "..." : message) + ")";
    }
  }

  static Supplier<InputStream> repeated(String line, long bytes) {
    byte[] unit = line.getBytes(StandardCharsets.UTF_8);
    return () -> new InputStream() {
      long left = bytes;
      int at;

      @Override
      public int read() {
        if (left <= 0) {
          return -1;
        }
        left--;
        int b = unit[at] & 0xff;
        at = (at + 1) % unit.length;
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
          buffer[off + i] = unit[at];
          at = (at + 1) % unit.length;
        }
        left -= n;
        return n;
      }
    };
  }

  static byte[] zip(String name, Supplier<InputStream> content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes); InputStream in = content.get()) {
      z.putNextEntry(new ZipEntry(name));
      in.transferTo(z);
      z.closeEntry();
    }
    return bytes.toByteArray();
  }

  static Outcome uploadZip(byte[] zip) throws Exception {
    return upload("application/zip", () -> new java.io.ByteArrayInputStream(zip), zip.length);
  }

  /** A failed upload leaves what is served untouched; its message stays short. */
  static void assertRefusedOrFailed(String scenario, Outcome o) throws Exception {
    report(scenario + ": " + o);
    assertNotEquals(500, o.status(), scenario);
    assertTrue(o.status() != 202 || o.state().equals("FAILED"), scenario + ": " + o);
    assertTrue(o.message().length() <= 8_192, scenario + ": a message of " + o.message().length() + " characters");
    stillServing(scenario);
  }

  @Test
  @Order(4)
  void uploadsWithinTheDocumentedBoundsFailAsJobs() throws Exception {
    String empty = "{\"_id\": \"same\", \"text\": \"\"}\n";
    assertRefusedOrFailed("63 MB x-ndjson body of empty documents",
        upload("application/x-ndjson", repeated(empty, 63L * 1024 * 1024), 63L * 1024 * 1024));
    assertRefusedOrFailed("10 MB of bad JSON lines",
        upload("application/x-ndjson", repeated("not json\n", 10L * 1024 * 1024), 10L * 1024 * 1024));
    String bigRecord = "{\"_id\": \"big\", \"text\": \"" + "x".repeat(1000);
    byte[] oneLine = zip("big.jsonl", () -> new java.io.SequenceInputStream(
        new java.io.ByteArrayInputStream(bigRecord.getBytes(StandardCharsets.UTF_8)),
        repeated("word ", 20L * 1024 * 1024).get()));
    assertRefusedOrFailed("a " + oneLine.length / 1024 + " KB zip holding a 20 MB one-line JSONL", uploadZip(oneLine));
    byte[] paragraphs = zip("many.html", () -> new java.io.SequenceInputStream(
        new java.io.ByteArrayInputStream("<html><body>".getBytes(StandardCharsets.UTF_8)),
        repeated("<p>a</p>", 8_000_000L).get()));
    assertRefusedOrFailed("a " + paragraphs.length / 1024 + " KB zip of HTML with a million <p>", uploadZip(paragraphs));
    byte[] longLine = zip("line.md", repeated("word ", 50L * 1024 * 1024));
    assertRefusedOrFailed("a " + longLine.length / 1024 + " KB zip of Markdown with a 50 MB line", uploadZip(longLine));
  }

  @Test
  @Order(5)
  void concurrentUploadsDuringARebuildAreRefusedOrFailed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      String empty = "{\"_id\": \"same\", \"text\": \"\"}\n";
      Future<Outcome> first = pool.submit(() -> upload("application/x-ndjson", repeated(empty, 30L * 1024 * 1024), -1));
      Future<Outcome> second = pool.submit(() -> upload("application/x-ndjson", repeated(empty, 30L * 1024 * 1024), -1));
      assertRefusedOrFailed("30 MB ndjson body, one of two at once", first.get());
      assertRefusedOrFailed("30 MB ndjson body, the other", second.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(6)
  void badArchivesAreRefusedWithTheirReason() throws Exception {
    assertRefusedOrFailed("a non-zip body sent as application/zip",
        uploadZip("this is not a zip archive".getBytes(StandardCharsets.UTF_8)));
    assertRefusedOrFailed("an empty body", upload("application/x-ndjson", () -> InputStream.nullInputStream(), 0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (int i = 0; i < 30_000; i++) {
        z.putNextEntry(new ZipEntry("d" + i + "/"));
        z.closeEntry();
      }
    }
    assertRefusedOrFailed("a zip of 30,000 folders", uploadZip(bytes.toByteArray()));
    bytes.reset();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("a"));
      z.write("text".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("a/b.md"));
      z.write("# B\n\ntext\n".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    Outcome both = uploadZip(bytes.toByteArray());
    assertRefusedOrFailed("an entry that is both a file and a folder", both);
    assertNotEquals(507, both.status());
    Outcome allBad = upload("application/x-ndjson", repeated("{\"text\": 3}\n", 1200), 1200);
    assertRefusedOrFailed("JSON Lines whose every line is bad", allBad);
    assertTrue(allBad.message().contains("line"), "the reasons are given: " + allBad.message());
  }

  @Test
  @Order(7)
  void authorizationSchemeIsCaseInsensitive() throws Exception {
    HttpResponse<String> lower = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/index/jobs/none"))
        .header("Authorization", "bearer " + ProductionServer.TOKEN).GET());
    assertEquals(404, lower.statusCode(), lower.body());
    HttpResponse<String> none = server.get("/api/index/jobs/none");
    assertEquals(401, none.statusCode());
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), none.headers().toString());
    report("'bearer' in lower case accepted; 401 carries WWW-Authenticate: Bearer");
  }

  @Test
  @Order(8)
  void aHeadingOverTheBoundIsCutAndRollbackRestoresTheAnswers() throws Exception {
    Outcome built = uploadZip(smallCorpus());
    report("a 32 KB heading beside a good file: " + built);
    assertEquals("SUCCEEDED", built.state(), built.toString());
    assertEquals(200, server.get("/api/search?q=zyxfine").statusCode());
    HttpResponse<String> back = server.send(server.admin("/api/index/rollback").POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, back.statusCode(), back.body());
    stillServing("rollback after the upload");
  }

  /** A corpus of a file with a 32 KB heading and a good one. */
  static byte[] smallCorpus() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("heading.md"));
      z.write(("# " + "long heading ".repeat(2600) + "\n\nzyxlongheading body.\n").getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("fine.md"));
      z.write("# Fine\n\nzyxfine text about zebras.\n".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  @Order(9)
  void simultaneousRollbacksNeverFail() throws Exception {
    assertEquals("SUCCEEDED", uploadZip(smallCorpus()).state());
    ExecutorService pool = Executors.newFixedThreadPool(20);
    Set<Integer> statuses = new HashSet<>();
    int succeeded = 0;
    try {
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(pool.submit(() -> server.send(server.admin("/api/index/rollback").POST(HttpRequest.BodyPublishers.noBody()))));
      }
      for (Future<HttpResponse<String>> call : calls) {
        HttpResponse<String> r = call.get();
        statuses.add(r.statusCode());
        succeeded += r.statusCode() == 200 ? 1 : 0;
        assertTrue(r.statusCode() == 200 || r.statusCode() == 409, r.statusCode() + ": " + r.body());
      }
    } finally {
      pool.shutdownNow();
    }
    Path index = tmp.resolve("index");
    assertTrue(Files.isRegularFile(index.resolve("CURRENT")));
    try (Stream<Path> left = Files.list(index)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("CURRENT.")), "a temporary CURRENT was left");
    }
    report("20 simultaneous rollbacks: statuses " + statuses + ", " + succeeded + " rolled back");
    assertEquals(1, succeeded, "one rollback to the one previous generation");
    stillServing("simultaneous rollbacks");
  }

  @Test
  @Order(10)
  void pagesAreDisjointAndTotalIsStable() throws Exception {
    Set<String> seen = new HashSet<>();
    Set<Long> totals = new HashSet<>();
    int hits = 0;
    for (int offset = 0; offset < 100; offset += 10) {
      JsonNode page = server.json(server.get("/api/search?q=leukaemia&limit=10&offset=" + offset).body());
      totals.add(page.get("total").asLong());
      for (JsonNode h : page.get("hits")) {
        hits++;
        assertTrue(seen.add(h.get("id").asText()), "repeated on a later page: " + h.get("id").asText());
      }
    }
    report("leukaemia paged ten at a time: " + hits + " hits, " + seen.size() + " distinct, totals " + totals);
    assertEquals(1, totals.size(), "total changed with the offset: " + totals);
    stillServing("paging");
  }

  @Test
  @Order(11)
  void optionsStarIsAnswered() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port)) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String status = answer.lines().findFirst().orElse("");
      report("OPTIONS *: " + status);
      assertTrue(!status.contains(" 404 ") && !status.contains(" 500 "), answer);
    }
    stillServing("OPTIONS *");
  }

  @Test
  @Order(12)
  void aRollbackToABrokenGenerationChangesNothing() throws Exception {
    assertEquals("SUCCEEDED", uploadZip(smallCorpus()).state());
    Path index = tmp.resolve("index");
    String current = Files.readString(index.resolve("CURRENT")).strip();
    List<String> served = server.ids("zyxfine");
    Path previous;
    try (Stream<Path> generations = Files.list(index)) {
      previous = generations.filter(p -> p.getFileName().toString().startsWith("gen-"))
          .filter(p -> p.getFileName().toString().compareTo(current) < 0).sorted().reduce((a, b) -> b).orElseThrow();
    }
    try (Stream<Path> files = Files.list(previous)) {
      for (Path segments : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
        Files.delete(segments);
      }
    }
    HttpResponse<String> r = server.send(server.admin("/api/index/rollback").POST(HttpRequest.BodyPublishers.noBody()));
    report("rollback to a generation whose segments file is lost: " + r.statusCode() + " " + r.body());
    assertEquals(409, r.statusCode(), r.body());
    assertEquals(current, Files.readString(index.resolve("CURRENT")).strip());
    assertEquals(served, server.ids("zyxfine"));
    assertTrue(server.process.isAlive());
  }
}
