package passagesearch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import passagesearch.ingest.DocumentMetadata;
import passagesearch.ingest.Passage;
import passagesearch.ingest.SourceDocument;

/** Reads judged sets: the project's seed set, and BEIR collections. */
public final class JudgedSets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JudgedSets() {}

  /**
   * The seed set: {@code queries.jsonl} ({@code id, query, kind, split}) and {@code judgments.jsonl}
   * ({@code query, doc, contains, grade}); a judgment names its passage by a fragment of its text, so
   * judgments survive changes to passage numbering. A fragment that names no passage, or several, fails.
   */
  public static JudgedSet seed(Path dir, Map<String, List<Passage>> passagesByDocument) {
    List<JudgedQuery> queries = new ArrayList<>();
    forEachLine(dir.resolve("queries.jsonl"), n -> queries.add(new JudgedQuery(
        n.get("id").asText(), n.get("query").asText(), n.get("kind").asText(), n.get("split").asText())));
    Map<String, Map<String, Integer>> judgments = new HashMap<>();
    forEachLine(dir.resolve("judgments.jsonl"), n -> {
      String doc = n.get("doc").asText();
      String fragment = n.get("contains").asText();
      List<Passage> found = passagesByDocument.getOrDefault(doc, List.of()).stream()
          .filter(p -> p.text().contains(fragment))
          .toList();
      if (found.size() != 1) {
        throw new IllegalStateException("judgment for " + n.get("query").asText() + ": '" + fragment + "' is in "
            + found.size() + " passages of " + doc + ", not exactly one");
      }
      judgments.computeIfAbsent(n.get("query").asText(), q -> new HashMap<>())
          .put(found.get(0).id(), n.get("grade").asInt());
    });
    return new JudgedSet("seed", queries, judgments);
  }

  /** A BEIR collection's queries and judgments for one split ({@code qrels/<split>.tsv}). */
  public static JudgedSet beir(Path dir, String split) {
    Map<String, Map<String, Integer>> judgments = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("qrels").resolve(split + ".tsv"), StandardCharsets.UTF_8)) {
      String line = in.readLine(); // header
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t");
        if (f.length == 3 && Integer.parseInt(f[2].strip()) > 0) {
          judgments.computeIfAbsent(f[0], q -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path queriesFile = Files.isRegularFile(dir.resolve("queries-" + split + ".jsonl"))
        ? dir.resolve("queries-" + split + ".jsonl")
        : dir.resolve("queries.jsonl");
    List<JudgedQuery> queries = new ArrayList<>();
    forEachLine(queriesFile, n -> {
      String id = n.get("_id").asText();
      if (judgments.containsKey(id)) {
        queries.add(new JudgedQuery(id, n.get("text").asText(), "beir", split));
      }
    });
    return new JudgedSet(dir.getFileName() + " " + split, queries, judgments);
  }

  /** A BEIR corpus as source documents: the abstract is the text, the title is the title. */
  public static List<SourceDocument> beirCorpus(Path corpusJsonl) {
    List<SourceDocument> docs = new ArrayList<>();
    forEachLine(corpusJsonl, n -> {
      String id = n.get("_id").asText();
      String title = n.hasNonNull("title") ? n.get("title").asText() : "";
      String text = n.hasNonNull("text") ? n.get("text").asText() : "";
      if (!text.isBlank()) {
        docs.add(new SourceDocument(new DocumentMetadata(id, corpusJsonl.getFileName().toString(), title, null, null,
            null, null, null, null), text));
      }
    });
    return docs;
  }

  private static void forEachLine(Path file, Consumer<JsonNode> each) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          each.accept(JSON.readTree(line));
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException(file.getFileName() + " line " + number + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
