package passagesearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The small jobs bench/run.sh hands to Java: {@code java -cp target/benchmarks.jar passagesearch.bench.BenchTool}
 *
 * <ul>
 *   <li>{@code paths QUERIES.jsonl FIELD OUT}: each query as a request path {@code /api/search?q=...}, one a
 *       line, for the wrk script;
 *   <li>{@code copies CORPUS.jsonl DIR N}: the corpus N times in DIR, one file a copy, each copy's
 *       documents under new ids ({@code 4983} becomes {@code 4983-copy2}); copy 1 keeps the ids;
 *   <li>{@code embed-queries QUERIES.jsonl MODEL}: query embedding time on the calling core ({@link EmbedTiming});
 *   <li>{@code report ...}: medians, targets, the markdown, the README section and the charts (see
 *       {@link Report}).
 * </ul>
 */
public final class BenchTool {
  private BenchTool() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      usage();
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "paths" -> {
        need(rest, 3);
        paths(Path.of(rest[0]), rest[1], Path.of(rest[2]));
      }
      case "copies" -> {
        need(rest, 3);
        copies(Path.of(rest[0]), Path.of(rest[1]), Integer.parseInt(rest[2]));
      }
      case "embed-queries" -> {
        need(rest, 2);
        EmbedTiming.run(Path.of(rest[0]), rest[1]);
      }
      case "report" -> Report.main(rest);
      default -> usage();
    }
  }

  private static void need(String[] args, int n) {
    if (args.length != n) {
      usage();
    }
  }

  private static void usage() {
    System.err.println("usage: BenchTool paths QUERIES.jsonl FIELD OUT | copies CORPUS.jsonl DIR N | embed-queries QUERIES.jsonl MODEL"
        + " | report --work DIR --out DIR ...");
    System.exit(2);
  }

  static void paths(Path queries, String field, Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String q : BenchCorpus.readQueries(queries, field)) {
      lines.add("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }
    Files.write(out, lines);
    System.err.println(lines.size() + " queries from " + queries + " -> " + out);
  }

  static void copies(Path corpus, Path dir, int n) throws IOException {
    if (n < 1) {
      throw new IllegalArgumentException("N must be at least 1");
    }
    ObjectMapper json = new ObjectMapper();
    Files.createDirectories(dir);
    int documents = 0;
    for (int copy = 1; copy <= n; copy++) {
      Path file = dir.resolve(String.format("copy-%02d.jsonl", copy));
      try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
          BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          ObjectNode doc = (ObjectNode) json.readTree(line);
          if (copy > 1) {
            doc.put("_id", doc.get("_id").asText() + "-copy" + copy);
          }
          out.write(json.writeValueAsString(doc));
          out.newLine();
          documents++;
        }
      }
    }
    System.err.println(documents + " documents in " + n + " copies -> " + dir);
  }
}
