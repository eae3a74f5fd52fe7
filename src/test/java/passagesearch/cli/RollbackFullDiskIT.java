package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.index.IndexLock;
import passagesearch.index.IndexStore;
import passagesearch.ingest.CorpusReader;

/**
 * A rollback on a disk with no room left for {@code CURRENT} is a 507 that says why, and changes nothing:
 * {@code CURRENT} still names the served generation and no temporary file is left. The disk is a tmpfs of
 * the child's own, filled to its last byte (see {@link DiskFailureTest}).
 */
class RollbackFullDiskIT {
  @TempDir Path tmp;

  @Test
  @Timeout(180)
  void aRollbackOnAFullDiskIsA507AndChangesNothing() throws Exception {
    Path prebuilt = tmp.resolve("prebuilt");
    IndexStore store = new IndexStore(prebuilt);
    store.build(new CorpusReader().read(TestSupport.corpus()), TestSupport.loadConfig());
    store.build(new CorpusReader().read(TestSupport.corpus()), TestSupport.loadConfig());
    Files.createFile(prebuilt.resolve(IndexLock.FILE));
    Path index = Files.createDirectories(tmp.resolve("index"));
    String fill = """
        set -e
        mount -t tmpfs -o size=4m tmpfs "$1"
        cp -a "$2"/. "$1"/
        dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true
        shift 2
        exec "$@"
        """;
    List<String> prefix = Stream.concat(DiskFailureIT.namespace().stream(),
        Stream.of("sh", "-c", fill, "sh", index.toString(), prebuilt.toString())).toList();
    try (ServeProcess serve = new ServeProcess(prefix, TestSupport.corpus(), index, tmp.resolve("serve.log"))) {
      Path seen = Path.of("/proc", Long.toString(serve.process.pid()), "root").resolve(index.toString().substring(1));
      List<String> before = serve.ids("imatinib");
      HttpResponse<String> r = HttpClient.newHttpClient().send(serve.request("/api/index/rollback")
          .header("Authorization", "Bearer " + ServeProcess.TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.printf("rollback on a full disk: %d %s%n", r.statusCode(), r.body());
      assertEquals(507, r.statusCode(), r.body());
      assertTrue(r.body().contains("No space left on device"), r.body());
      assertEquals("gen-000002\n", Files.readString(seen.resolve(IndexStore.CURRENT)));
      assertEquals(List.of(), DiskFailureIT.names(seen).stream().filter(n -> n.endsWith(".tmp")).toList());
      assertEquals("gen-000002", serve.get("/api/index").get("generation").asText());
      assertEquals(before, serve.ids("imatinib"));

      Files.delete(seen.resolve("filler"));
      HttpResponse<String> retried = HttpClient.newHttpClient().send(serve.request("/api/index/rollback")
          .header("Authorization", "Bearer " + ServeProcess.TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, retried.statusCode(), "with room again it rolls back: " + retried.body());
      assertEquals(0, serve.terminate(), Files.readString(serve.log));
    }
  }
}
