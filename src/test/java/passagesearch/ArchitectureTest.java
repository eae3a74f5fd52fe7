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
 * Each package stays in its room: only index and search touch Lucene, only http touches Javalin, only embed
 * touches the embedding model's libraries, only http touches Micrometer, only opensearch touches the OpenSearch client, and the query model
 * is plain Java that imports nothing of the project.
 */
class ArchitectureTest {
  static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
      Map.entry("config", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.ingest", "passagesearch.index",
          "passagesearch.search", "passagesearch.http", "passagesearch.cli")),
      Map.entry("ingest", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.index", "passagesearch.search",
          "passagesearch.http", "passagesearch.cli")),
      Map.entry("index", List.of("io.javalin", "org.opensearch", "passagesearch.opensearch", "passagesearch.search", "passagesearch.http", "passagesearch.cli")),
      Map.entry("query", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.config", "passagesearch.ingest",
          "passagesearch.index", "passagesearch.search", "passagesearch.http", "passagesearch.serving",
          "passagesearch.eval", "passagesearch.cli")),
      Map.entry("search", List.of("io.javalin", "org.opensearch", "passagesearch.opensearch", "passagesearch.http", "passagesearch.cli")),
      Map.entry("http", List.of("org.apache.lucene", "org.opensearch", "passagesearch.opensearch", "passagesearch.index", "passagesearch.cli")),
      Map.entry("eval", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.index", "passagesearch.search",
          "passagesearch.http", "passagesearch.cli")),
      Map.entry("serving", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.http", "passagesearch.cli")),
      Map.entry("cli", List.of("org.apache.lucene", "io.javalin", "org.opensearch")),
      Map.entry("embed", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.ingest", "passagesearch.index",
          "passagesearch.query", "passagesearch.search", "passagesearch.http", "passagesearch.serving",
          "passagesearch.eval", "passagesearch.cli")),
      Map.entry("vectors", List.of("org.apache.lucene", "io.javalin", "org.opensearch", "passagesearch.index", "passagesearch.query",
          "passagesearch.search", "passagesearch.opensearch", "passagesearch.http", "passagesearch.serving", "passagesearch.eval",
          "passagesearch.cli")),
      Map.entry("opensearch", List.of("org.apache.lucene", "io.javalin", "passagesearch.index", "passagesearch.http",
          "passagesearch.serving", "passagesearch.cli")));

  /** The embedding model's libraries (its native runtime and tokenizer, its jar's own classes): embed only. */
  static final List<String> EMBEDDING_LIBRARIES = List.of("dev.langchain4j", "ai.onnxruntime", "ai.djl");

  /**
   * Micrometer: http only, which binds what other rooms count (the answer cache's {@code AnswerCacheStats}, a
   * record) to {@code /metrics}.
   */
  static final List<String> METRICS_LIBRARIES = List.of("io.micrometer");

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
            for (String forbidden : forbidden(room.getKey())) {
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

  private static List<String> forbidden(String room) {
    List<String> forbidden = new ArrayList<>(FORBIDDEN.get(room));
    if (!room.equals("embed")) {
      forbidden.addAll(EMBEDDING_LIBRARIES);
    }
    if (!room.equals("http")) {
      forbidden.addAll(METRICS_LIBRARIES);
    }
    return forbidden;
  }

  @Test
  void everyPackageSaysWhatLivesThere() {
    for (String room : FORBIDDEN.keySet()) {
      Path info = TestSupport.root().resolve("src/main/java/passagesearch/" + room + "/package-info.java");
      assertTrue(Files.isRegularFile(info), info.toString());
    }
  }
}
