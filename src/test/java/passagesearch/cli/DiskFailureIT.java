package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.index.IndexLock;

/**
 * A rebuild on a full disk, or into an index folder that cannot be written, fails with a job that says so,
 * an upload the disk cannot take is a 507 that says so, the serving generation answers as before, and no
 * half-built generation is left.
 *
 * <p>The disk is made full and read-only for real, not simulated: {@code serve} runs as a child process in
 * a mount namespace of its own ({@code unshare}), where its index folder is a 1 MB tmpfs filled to its last
 * 48 KB, or a read-only bind mount. Permissions would not do: tests may run as root, which writes through
 * {@code chmod a-w}. The namespaces are private to the child and end with it; nothing is mounted on the
 * machine. Where {@code unshare} may not make them (no user namespaces, and not root), the tests are
 * skipped and say why.
 */
class DiskFailureIT {
  static final String QUERY = "blinatumomab side effects";

  @TempDir Path tmp;

  @Test
  @Timeout(180)
  void onAFullDiskARebuildFailsSayingSoTheServedGenerationAnswersAsBeforeAndNothingHalfBuiltIsLeft() throws Exception {
    Path prebuilt = prebuiltIndex();
    Path index = Files.createDirectories(tmp.resolve("index"));
    String fill = """
        set -e
        mount -t tmpfs -o size=1m tmpfs "$1"
        cp -a "$2"/. "$1"/
        dd if=/dev/zero of="$1/filler" bs=64k 2>/dev/null || true
        truncate -s -48K "$1/filler"
        shift 2
        exec "$@"
        """;
    List<String> prefix = Stream.concat(namespace().stream(),
        Stream.of("sh", "-c", fill, "sh", index.toString(), prebuilt.toString())).toList();
    try (ServeProcess serve = new ServeProcess(prefix, TestSupport.corpus(), index, tmp.resolve("serve.log"))) {
      // The child's own view of its index folder: the tmpfs exists only in its namespace.
      Path seen = Path.of("/proc", Long.toString(serve.process.pid()), "root").resolve(index.toString().substring(1));
      assertTrue(Files.exists(seen.resolve("filler")), "the index folder is the child's tmpfs");
      List<String> before = serve.ids(QUERY);

      JsonNode job = serve.rebuild();
      assertEquals("FAILED", job.get("state").asText(), job.toString());
      assertTrue(job.get("message").asText().contains("No space left on device"), job.toString());
      assertTrue(job.get("message").asText().contains(index.toString()), "names the folder: " + job);

      HttpResponse<String> upload = upload(serve, 200_000);
      assertEquals(507, upload.statusCode(), upload.body());
      assertTrue(upload.body().contains("No space left on device"), upload.body());
      System.out.printf("full disk: job says \"%s\"; upload answered %d %s%n", job.get("message").asText(),
          upload.statusCode(), upload.body());

      assertServedAsBefore(serve, before);
      assertEquals(Set.of("CURRENT", "gen-000001", "filler", IndexLock.FILE), names(seen), "no half-built generation, no upload left");
      assertEquals("gen-000001", Files.readString(seen.resolve("CURRENT")).strip());

      // Room again: the same process rebuilds, and serves the same answers from a new generation.
      Files.delete(seen.resolve("filler"));
      JsonNode retried = serve.rebuild();
      assertEquals("SUCCEEDED", retried.get("state").asText(), retried.toString());
      assertEquals("gen-000002", serve.get("/api/index").get("generation").asText());
      assertEquals(before, serve.ids(QUERY));
      assertEquals(0, serve.terminate(), Files.readString(serve.log));
    }
  }

  @Test
  @Timeout(180)
  void intoAReadOnlyIndexFolderARebuildFailsSayingSoAndTheServedGenerationAnswersAsBefore() throws Exception {
    Path index = prebuiltIndex();
    String readOnly = """
        set -e
        mount --bind "$1" "$1"
        mount -o remount,bind,ro "$1"
        shift
        exec "$@"
        """;
    List<String> prefix = Stream.concat(namespace().stream(), Stream.of("sh", "-c", readOnly, "sh", index.toString()))
        .toList();
    try (ServeProcess serve = new ServeProcess(prefix, TestSupport.corpus(), index, tmp.resolve("serve.log"))) {
      List<String> before = serve.ids(QUERY);

      JsonNode job = serve.rebuild();
      assertEquals("FAILED", job.get("state").asText(), job.toString());
      assertTrue(job.get("message").asText().contains("Read-only file system"), job.toString());
      assertTrue(job.get("message").asText().contains(index.toString()), "names the folder: " + job);

      HttpResponse<String> upload = upload(serve, 1_000);
      assertEquals(507, upload.statusCode(), upload.body());
      assertTrue(upload.body().contains("Read-only file system"), upload.body());
      System.out.printf("read-only index folder: job says \"%s\"; upload answered %d %s%n",
          job.get("message").asText(), upload.statusCode(), upload.body());

      assertServedAsBefore(serve, before);
      assertEquals(0, serve.terminate(), Files.readString(serve.log));
    }
    // The lock file is the prebuilt index's own (its build held it); nothing else was added.
    assertEquals(Set.of("CURRENT", "gen-000001", IndexLock.FILE), names(index));
  }

  /** The seed corpus indexed (gen-000001) in a folder of its own, as {@code serve} would find it. */
  Path prebuiltIndex() {
    Path index = tmp.resolve("prebuilt");
    // With passage vectors, as the server would build it: it serves this generation as it is, by words and
    // meaning, before and after the rebuild that fails.
    TestSupport.pipeline(TestSupport.loadConfig(), index).build(TestSupport.corpus(), false);
    return index;
  }

  static void assertServedAsBefore(ServeProcess serve, List<String> before) throws Exception {
    assertEquals("gen-000001", serve.get("/api/index").get("generation").asText());
    assertEquals(before, serve.ids(QUERY), "the same answers from the same generation");
  }

  /** A rebuild with a JSON Lines corpus of about {@code bytes} bytes. */
  static HttpResponse<String> upload(ServeProcess serve, int bytes) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; lines.length() < bytes; i++) {
      lines.append("{\"_id\": \"u").append(i).append("\", \"title\": \"Upload ").append(i)
          .append("\", \"text\": \"Ponatinib is a tyrosine kinase inhibitor used when others stop working.\"}\n");
    }
    return HttpClient.newHttpClient().send(serve.request("/api/index/rebuild")
        .header("Authorization", "Bearer " + ServeProcess.TOKEN).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static Set<String> names(Path folder) throws Exception {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  /**
   * The command that runs the child in a mount namespace of its own: with a user namespace when the
   * kernel allows it (any user), else a plain mount namespace (root only). Skips the test when neither works.
   */
  static List<String> namespace() throws Exception {
    for (List<String> candidate : List.of(List.of("unshare", "--user", "--map-root-user", "--mount"),
        List.of("unshare", "--mount"))) {
      List<String> probe = Stream.concat(candidate.stream(),
          Stream.of("sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt")).toList();
      try {
        Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
        if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
        p.destroyForcibly();
      } catch (java.io.IOException noUnshare) {
        break;
      }
    }
    Assumptions.abort("unshare cannot make a mount namespace here (no user namespaces and not root), "
        + "so a full or read-only disk cannot be made for real");
    return List.of();
  }

}
