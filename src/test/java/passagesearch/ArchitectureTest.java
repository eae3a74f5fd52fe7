package passagesearch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each package stays in its room: only index and search touch Lucene, only http touches Javalin, only
 * opensearch touches the OpenSearch client, and the
 * query model is plain Java that imports nothing of the project.
 */
class ArchitectureTest {
  static final Map<String, List<String>> FORBIDDEN = Map.of(
      "config", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.ingest", "passagesearch.index",
          "passagesearch.search", "passagesearch.http", "passagesearch.cli"),
      "ingest", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.index", "passagesearch.search",
          "passagesearch.http", "passagesearch.cli"),
      "index", List.of("io.javalin", "org.opensearch", "passagesearch.opensearch", "passagesearch.search", "passagesearch.http", "passagesearch.cli"),
      "query", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.config", "passagesearch.ingest",
          "passagesearch.index", "passagesearch.search", "passagesearch.http", "passagesearch.serving",
          "passagesearch.eval", "passagesearch.cli"),
      "search", List.of("io.javalin", "org.opensearch", "passagesearch.opensearch", "passagesearch.http", "passagesearch.cli"),
      "http", List.of("org.apache.lucene", "org.opensearch", "passagesearch.opensearch", "passagesearch.index", "passagesearch.cli"),
      "eval", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.index", "passagesearch.search",
          "passagesearch.http", "passagesearch.cli"),
      "serving", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.http", "passagesearch.cli"),
      "cli", List.of("org.apache.lucene", "io.javalin", "org.opensearch"),
      "opensearch", List.of("org.apache.lucene", "io.javalin", "passagesearch.index", "passagesearch.http",
          "passagesearch.serving", "passagesearch.cli"));

  @Test
  void noPackageImportsWhatItsRoomForbids() throws IOException {
    Path main = TestSupport.root().resolve("src/main/java/passagesearch");
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> room : FORBIDDEN.entrySet()) {
      Path dir = main.resolve(room.getKey());
      assertTrue(Files.isDirectory(dir), dir.toString());
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(file)) {
            for (String forbidden : room.getValue()) {
              if (line.contains(forbidden + ".") && !line.strip().startsWith("*") && !line.strip().startsWith("//")) {
                violations.add(main.relativize(file) + ": " + line.strip());
              }
            }
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  @Test
  void everyPackageSaysWhatLivesThere() {
    for (String room : FORBIDDEN.keySet()) {
      Path info = TestSupport.root().resolve("src/main/java/passagesearch/" + room + "/package-info.java");
      assertTrue(Files.isRegularFile(info), info.toString());
    }
  }
}
