package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.index.IndexLock;
import passagesearch.index.IndexStore;
import passagesearch.search.SearchService;

/**
 * SIGTERM stops a serving process gracefully: a request in flight when the signal arrives is answered in
 * full, the process exits 0, and the index folder holds only complete generations, serving what it served.
 */
class GracefulShutdownIT {
  static final String QUERY = "blinatumomab side effects";

  @TempDir Path tmp;

  @Test
  @Timeout(120)
  void aRequestInFlightAtSigtermIsAnsweredAndTheProcessExitsZeroWithItsIndexIntact() throws Exception {
    Path index = tmp.resolve("index");
    List<String> before;
    byte[] upload = zip(TestSupport.corpus());
    try (ServeProcess serve = new ServeProcess(List.of(), TestSupport.corpus(), index, tmp.resolve("serve.log"))) {
      before = serve.ids(QUERY);
      assertFalse(before.isEmpty());

      // A rebuild whose body (the seed corpus again, as a zip) is still arriving when SIGTERM does: the
      // handler has been called and is blocked reading the body, so the request is truly in flight.
      // "Expect: 100-continue" makes that observable: the server answers "100 Continue" only once the
      // handler starts to read the body, and only then is the first half sent and the signal given.
      try (Socket socket = new Socket("127.0.0.1", serve.port)) {
        socket.setSoTimeout(30_000);
        OutputStream request = socket.getOutputStream();
        InputStream response = socket.getInputStream();
        request.write(("POST /api/index/rebuild HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + ServeProcess.TOKEN + "\r\nContent-Type: application/zip\r\nContent-Length: " + upload.length
            + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.flush();
        String interim = readHead(response);
        assertTrue(interim.startsWith("HTTP/1.1 100 "), "the handler reads the body: " + interim);
        int half = upload.length / 2;
        request.write(upload, 0, half);
        request.flush();

        serve.process.destroy(); // SIGTERM
        awaitPortClosed(serve.port); // the server is stopping: it takes no new connections
        assertTrue(serve.process.isAlive(), "the process waits for the request in flight");

        request.write(upload, half, upload.length - half);
        request.flush();
        String answer = readAll(response);
        assertTrue(answer.startsWith("HTTP/1.1 202 "), answer);
        assertTrue(answer.contains("\"state\":\"QUEUED\""), answer);
      }
      assertEquals(0, serve.terminate(), "exit status after SIGTERM; log:\n" + Files.readString(serve.log));
      assertTrue(serve.output().contains("Stopped."), serve.output().toString());
    }

    IndexStore store = new IndexStore(index);
    String current = store.current().orElseThrow().name();
    try (Stream<Path> entries = Files.list(index)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        assertTrue(name.equals(IndexStore.CURRENT) || name.equals(IndexLock.FILE)
            || Files.isRegularFile(entry.resolve("generation.json")),
            "only CURRENT, the lock file and complete generations are left, not " + name);
      }
    }
    IndexConfig config = TestSupport.loadConfig();
    TestSupport.models().await(); // the server answered by words and meaning; so does this search
    try (SearchService search = new SearchService(store.openCurrent(config), TestSupport.models())) {
      assertEquals(before, CrashRecoveryIT.ids(search), "serving " + current);
    }
  }

  /**
   * A server that loaded the embedding model and was stopped leaves no native library in the temporary folder:
   * left to itself, the runtime unpacked its 16 MB of native libraries into a new folder there at every
   * start and never removed it (NativeLibraries).
   */
  @Test
  @Timeout(120)
  void aServerThatLoadedTheModelLeavesNoNativeLibrariesInTheTemporaryFolder() throws Exception {
    Path temporary = Files.createDirectories(tmp.resolve("tmpdir"));
    try (ServeProcess serve = new ServeProcess(List.of(), List.of("-Djava.io.tmpdir=" + temporary),
        TestSupport.corpus(), TestSupport.config(), tmp.resolve("index"), tmp.resolve("serve.log"),
        ServeProcess.Until.MODEL)) {
      assertEquals("ready", serve.get("/api/index").path("retrieval").path("model").asText(),
          "the model loaded; log:\n" + Files.readString(serve.log));
      serve.process.destroy(); // SIGTERM
      assertEquals(0, serve.terminate(), "exit status after SIGTERM; log:\n" + Files.readString(serve.log));
    }
    // ONNX Runtime still makes an empty folder of its own and only asks for it to go at exit, which a server
    // stopped by halt() (GracefulShutdown) never reaches: 4 KB, no file in it.
    try (Stream<Path> entries = Files.walk(temporary)) {
      List<String> files = entries.filter(Files::isRegularFile).map(temporary::relativize).map(Path::toString)
          .filter(n -> n.contains("onnxruntime")).toList();
      assertEquals(List.of(), files, "native libraries left in the temporary folder");
    }
  }

  /**
   * A process told to stop while the embedding model loads and encodes ends cleanly and runs no shutdown hook.
   * ONNX Runtime registers a shutdown hook that frees its native environment; run beside a session being created
   * it crashed the JVM (SIGSEGV, exit 134: 2 of 5 such stops of {@link StopProbe} left to the JVM's own
   * shutdown). {@link StopSignals} handles SIGTERM instead, so no hook runs and the process halts with 0.
   */
  @Test
  @Timeout(180)
  void aProcessStoppedWhileTheModelLoadsAndEncodesEndsWithoutACrashAndRunsNoShutdownHook() throws Exception {
    for (int round = 1; round <= 4; round++) {
      Path hook = tmp.resolve("hook-" + round);
      Path out = tmp.resolve("probe-" + round + ".out");
      Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:ErrorFile=" + tmp.resolve("hs_err_%p.log"), "-cp", System.getProperty("java.class.path"),
          StopProbe.class.getName(), "handled", hook.toString()).redirectErrorStream(true).redirectOutput(out.toFile())
          .start();
      try {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.readString(out).contains("busy") && probe.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertTrue(probe.isAlive(), Files.readString(out));
        Thread.sleep(150L * round); // into another model load each round
        probe.destroy();
        assertTrue(probe.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "stopped");
        assertEquals(0, probe.exitValue(), "round " + round + ":\n" + Files.readString(out));
        assertFalse(Files.exists(hook), "no shutdown hook ran after SIGTERM");
      } finally {
        probe.destroyForcibly();
      }
    }
    assertNoCrashReport();
  }

  /**
   * A server stopped right after start-up, its model still loading beside its first answers by words, answers
   * those (a cold first search is not cut to nothing by its time limit) and stops gracefully; stopped before it
   * is up, it ends at once (143). Neither crashes.
   */
  @Test
  @Timeout(300)
  void aServerStoppedRightAfterStartUpAnswersFirstAndEndsWithoutACrash() throws Exception {
    Path index = tmp.resolve("index");
    try (ServeProcess first = new ServeProcess(List.of(), TestSupport.corpus(), index, tmp.resolve("first.log"))) {
      assertEquals(0, first.terminate(), "the first server builds the index and stops");
    }
    List<String> flags = List.of("-XX:ErrorFile=" + tmp.resolve("hs_err_%p.log"));
    for (ServeProcess.Until until : List.of(ServeProcess.Until.LAUNCHED, ServeProcess.Until.ANSWERING,
        ServeProcess.Until.ANSWERING)) {
      Path log = tmp.resolve("quick-" + until + "-" + System.nanoTime() + ".log");
      try (ServeProcess serve = new ServeProcess(List.of(), flags, TestSupport.corpus(), TestSupport.config(), index,
          log, until)) {
        if (until == ServeProcess.Until.LAUNCHED) {
          Thread.sleep(500);
        } else {
          assertFalse(serve.ids(QUERY).isEmpty(), "the first search answers, by words while the model loads");
        }
        int status = serve.terminate();
        String what = until + ": exit status after SIGTERM; log:\n" + Files.readString(log) + "\n"
            + String.join("\n", serve.output());
        if (serve.output().stream().anyMatch(l -> l.startsWith("Serving "))) {
          assertEquals(0, status, what);
          assertTrue(serve.output().contains("Stopped."), what);
        } else {
          assertEquals(143, status, what);
        }
      }
    }
    assertNoCrashReport();
  }

  private void assertNoCrashReport() throws IOException {
    try (Stream<Path> crashes = Files.list(tmp).filter(p -> p.getFileName().toString().startsWith("hs_err"))) {
      assertEquals(List.of(), crashes.toList(), "no JVM crash report");
    }
  }

  /** Waits until the port refuses connections. */
  static void awaitPortClosed(int port) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      } catch (ConnectException refused) {
        return;
      } catch (IOException other) {
        // a timeout or reset: try again
      }
      Thread.sleep(20);
    }
    throw new AssertionError("port " + port + " still takes connections 20 s after SIGTERM");
  }

  /** Reads one response head (status line and headers, up to the blank line). */
  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      head.write(c);
      byte[] b = head.toByteArray();
      int n = b.length;
      if (n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n') {
        break;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  static byte[] zip(Path folder) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
