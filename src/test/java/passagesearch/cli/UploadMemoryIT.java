package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.serving.Uploads;

/**
 * Uploads against the production heap (128 MB, exit on OutOfMemoryError): bodies far larger than the heap
 * are refused, before or while they arrive, and the process lives on serving what it served.
 */
class UploadMemoryIT {
  @TempDir Path tmp;

  @Test
  @Timeout(240)
  void bodiesLargerThanTheHeapAreRefusedAndTheProcessLivesOn() throws Exception {
    Path index = tmp.resolve("index");
    HttpClient http = HttpClient.newHttpClient();
    try (ServeProcess serve = new ServeProcess(List.of(), ServeProcess.PRODUCTION_HEAP, TestSupport.corpus(), index,
        tmp.resolve("serve.log"))) {
      List<String> before = serve.ids("imatinib");

      // 63 MB of JSON Lines with its length declared: refused up front, before it is sent (Expect: 100-continue).
      HttpResponse<String> declared = http.send(serve.request("/api/index/rebuild").expectContinue(true)
          .header("Authorization", "Bearer " + ServeProcess.TOKEN).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> lines(63L << 20)),
              63L << 20)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(413, declared.statusCode(), declared.body());

      // 63 MB sent chunked, its length unknown: refused once the bound has arrived.
      int status;
      try {
        status = http.send(serve.request("/api/index/rebuild")
            .header("Authorization", "Bearer " + ServeProcess.TOKEN).header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> lines(63L << 20))).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode();
      } catch (IOException connectionClosedWhileSending) {
        status = 413; // the server answered and closed while the client was still sending
      }
      assertEquals(413, status);

      // A zip of a few KB holding one 20 MB line: the process lives, and the job fails or skips the file.
      ByteArrayOutputStream zip = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(zip)) {
        z.putNextEntry(new ZipEntry("one-line.jsonl"));
        z.write("{\"_id\": \"big\", \"title\": \"Big\", \"text\": \"".getBytes(StandardCharsets.UTF_8));
        byte[] words = "imatinib ".repeat(1000).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20 * 1024 * 1024 / words.length; i++) {
          z.write(words);
        }
        z.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      HttpResponse<String> bomb = http.send(serve.request("/api/index/rebuild")
          .header("Authorization", "Bearer " + ServeProcess.TOKEN).header("Content-Type", "application/zip")
          .POST(HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(202, bomb.statusCode(), bomb.body());
      JsonNode job = IndexFolderLockIT.jobState(serve, new ObjectMapper().readTree(bomb.body()).get("id").asText());
      System.out.printf("a %d-byte zip of one 20 MB line: %s%n", zip.size(), job);
      assertTrue(serve.process.isAlive(), "the process survived: " + Files.readString(serve.log));

      assertEquals(before.isEmpty(), serve.ids("imatinib").isEmpty());
      assertFalse(Files.exists(index.resolve("uploads")), "no upload scratch left");
      assertTrue(Uploads.MAX_UPLOAD_BYTES < (63L << 20));
      assertEquals(0, serve.terminate(), Files.readString(serve.log));
    }
  }

  /** {@code size} bytes of JSON Lines, made as they are read. */
  static InputStream lines(long size) {
    byte[] line = "{\"_id\": \"x\", \"title\": \"T\", \"text\": \"Imatinib is a tyrosine kinase inhibitor.\"}\n"
        .getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      long sent;

      @Override
      public int read() {
        return sent < size ? line[(int) (sent++ % line.length)] : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (sent >= size) {
          return -1;
        }
        int n = (int) Math.min(len, size - sent);
        for (int i = 0; i < n; i++) {
          b[off + i] = line[(int) (sent++ % line.length)];
        }
        return n;
      }
    };
  }
}
