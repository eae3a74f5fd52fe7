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
