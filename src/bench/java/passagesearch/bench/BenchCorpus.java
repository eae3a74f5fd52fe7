package passagesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.index.OpenIndex;
import passagesearch.index.Pipeline;

/**
 * A corpus the benchmarks run on, with its ranking profile and its evaluation queries. Paths are relative
 * to the repository root (the working directory of bench/run.sh and of JMH's forks).
 *
 * @param corpus the corpus folder
 * @param ranking a ranking profile, or null for index-config's own
 * @param queryFile a JSON Lines file of queries
 * @param field the field of each line that holds the query's words
 */
public record BenchCorpus(Path corpus, Path ranking, Path queryFile, String field) {
  private static final Path CONFIG = Path.of("index-config");

  /**
   * {@code seed}: the project's corpus and its judged queries. {@code scifact}: BEIR SciFact from
   * ../shared, its test queries, the default ranking (as a publisher's corpus gets); the corpus folder holding only
   * corpus.jsonl is made by bench/run.sh (system properties {@code bench.scifact.corpus} and
   * {@code bench.scifact.queries} say where they are).
   */
  public static BenchCorpus named(String name) {
    return switch (name) {
      case "seed" -> new BenchCorpus(Path.of("corpus"), null, Path.of("eval/seed/queries.jsonl"), "query");
      case "scifact" -> new BenchCorpus(
          Path.of(System.getProperty("bench.scifact.corpus", "target/bench-work/corpus-scifact-1x")),
          null,
          Path.of(System.getProperty("bench.scifact.queries", "../shared/data/scifact/queries-test.jsonl")),
          "text");
      default -> throw new IllegalArgumentException("unknown corpus " + name + ": seed or scifact");
    };
  }

  /**
   * The corpus's configuration with the answer cache off (the benchmarks repeat their queries) and semantic
   * retrieval off: JMH measures the lexical search path, on the indexes bench/run.sh builds without vectors.
   */
  public IndexConfig config() {
    IndexConfig config = new ConfigLoader().load(CONFIG, ranking);
    return config.withRanking(config.ranking().withoutCache()).withSemantic(config.semantic().withEnabled(false));
  }

  /** Opens the index in {@code dir}, building it first when it is missing or stale. */
  public OpenIndex openIndex(Path dir) {
    Pipeline pipeline = new Pipeline(config(), dir, Pipeline.Sink.NONE,
        passagesearch.embed.ModelSlot.off("the benchmark measures the lexical path"));
    pipeline.buildIfStale(corpus, false);
    return pipeline.openCurrent();
  }

  /** The queries' words, in file order. */
  public List<String> queries() {
    return readQueries(queryFile, field);
  }

  public static List<String> readQueries(Path file, String field) {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode q = json.readTree(line).get(field);
        if (q == null || q.asText().isBlank()) {
          throw new IllegalArgumentException(file + ": a line without \"" + field + "\": " + line);
        }
        out.add(q.asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
