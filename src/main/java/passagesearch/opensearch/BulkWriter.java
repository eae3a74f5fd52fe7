package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import passagesearch.config.IndexConfig;
import passagesearch.ingest.DocumentSource;
import passagesearch.ingest.Ingest;
import passagesearch.ingest.Passage;
import passagesearch.ingest.ReadReport;
import passagesearch.ingest.SourceDocument;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.search.SuggestionEntry;
import passagesearch.vectors.PassageVectors;

/**
 * Builds a generation in the cluster from the same pipeline the embedded index is built by: the corpus walked
 * one document at a time, each document split and tagged by {@link Ingest} (the same splitting, chrome rules,
 * tags and metadata), its passages and the source itself sent with the bulk API a batch at a time, then the
 * search-box completions counted from them ({@link SuggestionRecords}). Then the generation is refreshed,
 * verified (every passage, source and completion counted back), given time to reach green (its replicas
 * allocated), and published by moving the alias.
 */
public final class BulkWriter {
  private static final int BATCH_ACTIONS = 1_000;
  private static final int BATCH_CHARS = 4_000_000;
  /** A source's own record is _id doc:<document id>, apart from its passages' <document id>/<ordinal>. */
  static final String SOURCE_ID_PREFIX = "doc:";
  /** A vector list's record is _id list:<n>. */
  static final String LIST_ID_PREFIX = "list:";
  /** A search-box completion's record is _id suggest:<n>. */
  static final String SUGGESTION_ID_PREFIX = "suggest:";

  /** What a build made. */
  public record Built(String generation, int documents, int passages, long millis, ReadReport report) {}

  /** How far a build has got: documents read of about {@code total}, their passages. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (documents, total, passages) -> {};

    void update(int documents, int total, int passages);
  }

  private final Cluster cluster;
  private final Generations generations;
  private final IndexConfig config;
  private final int shards;
  private final int replicas;
  /** Where passage vectors come from; null for a generation searched by words alone. */
  private final PassageVectors vectors;

  BulkWriter(Cluster cluster, Generations generations, IndexConfig config, int shards, int replicas,
      PassageVectors vectors) {
    this.cluster = cluster;
    this.generations = generations;
    this.config = config;
    this.shards = shards;
    this.replicas = replicas;
    this.vectors = vectors;
  }

  /**
   * Builds, verifies and publishes a new generation of the corpus. A corpus that gives no passages is not
   * published, as in the embedded index: its build fails saying why (the first reasons its files were skipped).
   *
   * <p>With passage vectors, the corpus is walked twice: first to embed every passage (into the vector cache,
   * as the embedded build does) and train the vector lists on the first of them ({@link VectorLists}), then
   * to write each passage with its list and vector, read back from the cache. Progress counts each walk.
   */
  public Built build(DocumentSource corpus, Progress progress) {
    long started = System.nanoTime();
    String name = generations.newName();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("builtAt", Instant.now().toString());
    meta.put("corpusFingerprint", corpus.fingerprint());
    meta.put("configFingerprint", config.fingerprint());
    cluster.send("PUT", "/" + name, IndexSettings.body(config, shards, replicas, meta));
    Ingest ingest = new Ingest(config);
    VectorLists lists = vectors == null ? null : lists(corpus, ingest, progress);
    Batch batch = new Batch(name);
    SuggestionRecords suggestions = new SuggestionRecords();
    int[] counts = new int[2];
    // Counted once: a JSON Lines corpus is counted by reading it through, and counting it again for every
    // document made a build quadratic (SciFact 16x: 83,000 reads of a 130 MB file).
    int expected = corpus.expectedDocuments();
    ReadReport report;
    try {
      report = corpus.walk((document, warnings) -> {
        List<Passage> passages = ingest.passages(document, warnings);
        batch.add(SOURCE_ID_PREFIX + document.id(), sourceDoc(document, counts[0]));
        List<float[]> meaning = lists == null ? null : vectorsOf(passages, document);
        for (int i = 0; i < passages.size(); i++) {
          Passage p = passages.get(i);
          ObjectNode doc = passageDoc(p, document);
          if (meaning != null) {
            int list = lists.listOf(meaning.get(i));
            lists.sizes()[list]++;
            doc.put(Fields.VECTOR_LIST, Integer.toString(list));
            doc.put(Fields.VECTOR, VectorLists.encode(meaning.get(i)));
          }
          batch.add(p.id(), doc);
          suggestions.count(p);
        }
        counts[0]++;
        counts[1] += passages.size();
        progress.update(counts[0], Math.max(expected, counts[0]), counts[1]);
      });
      if (counts[1] == 0) {
        throw new IllegalStateException("the corpus gave no passages: nothing to index" + report.firstReasons());
      }
      List<SuggestionEntry> entries = suggestions.entries(config.tags());
      for (int i = 0; i < entries.size(); i++) {
        batch.add(SUGGESTION_ID_PREFIX + i, SuggestionRecords.doc(entries.get(i)));
      }
      for (int i = 0; lists != null && i < lists.centroids().length; i++) {
        batch.add(LIST_ID_PREFIX + i, listDoc(lists, i));
      }
      batch.flush();
      cluster.send("POST", "/" + name + "/_refresh", null);
      verify(name, Fields.PASSAGE, counts[1]);
      verify(name, Fields.DOCUMENT, counts[0]);
      verify(name, Fields.SUGGESTION, entries.size());
      verify(name, Fields.LIST, lists == null ? 0 : lists.centroids().length);
      // Replicas allocated before the alias moves, so losing a node then loses nothing served. A cluster of
      // one node never gets there; its generation is published yellow after the wait.
      cluster.send("GET", "/_cluster/health/" + name + "?wait_for_status=green&timeout=30s", null, 408);
      long millis = (System.nanoTime() - started) / 1_000_000;
      meta.put("buildMillis", millis);
      meta.put("documents", counts[0]);
      meta.put("passages", counts[1]);
      if (lists != null) {
        meta.put("vectorModel", vectors.model());
        meta.put("vectorLists", lists.centroids().length);
      }
      ObjectNode mapping = Cluster.JSON.createObjectNode();
      mapping.set("_meta", Cluster.JSON.valueToTree(meta));
      cluster.send("PUT", "/" + name + "/_mapping", mapping);
      generations.publish(name);
      return new Built(name, counts[0], counts[1], millis, report);
    } catch (RuntimeException e) {
      generations.remove(name);
      throw e;
    }
  }

  /**
   * The first walk: every passage embedded (or found in the cache), the first {@link VectorLists#SAMPLE}
   * vectors kept, and the lists trained on them.
   */
  private VectorLists lists(DocumentSource corpus, Ingest ingest, Progress progress) {
    List<float[]> sample = new ArrayList<>();
    int[] counts = new int[2];
    corpus.walk((document, warnings) -> {
      List<Passage> passages = ingest.passages(document, w -> {});
      for (float[] v : vectorsOf(passages, document)) {
        if (sample.size() < VectorLists.SAMPLE) {
          sample.add(v);
        }
      }
      counts[0]++;
      counts[1] += passages.size();
      progress.update(counts[0], Math.max(corpus.expectedDocuments(), counts[0]), counts[1]);
    });
    float[][] centroids = VectorLists.train(sample, VectorLists.listsFor(counts[1], sample.size()));
    return new VectorLists(centroids, new int[centroids.length]);
  }

  private List<float[]> vectorsOf(List<Passage> passages, SourceDocument document) {
    try {
      return vectors.of(passages, document.metadata().title());
    } catch (IOException e) {
      throw new UncheckedIOException("the vector cache could not be read or written: " + e.getMessage(), e);
    }
  }

  /** A list's record: its centroid (none for a single list) and how many passages it holds. */
  private static ObjectNode listDoc(VectorLists lists, int list) {
    ObjectNode doc = Cluster.JSON.createObjectNode();
    doc.put(Fields.KIND, Fields.LIST);
    doc.put(Fields.ID, LIST_ID_PREFIX + list);
    doc.put(Fields.VECTOR_LIST, Integer.toString(list));
    doc.put(Fields.ORDINAL, lists.sizes()[list]);
    if (lists.centroids()[list].length > 0) {
      doc.put(Fields.VECTOR, VectorLists.encode(lists.centroids()[list]));
    }
    return doc;
  }

  private void verify(String name, String kind, int expected) {
    ObjectNode query = Cluster.JSON.createObjectNode();
    query.putObject("query").putObject("term").put(Fields.KIND, kind);
    long found = cluster.send("POST", "/" + name + "/_count", query).path("count").asLong(-1);
    if (found != expected) {
      throw new IllegalStateException("generation " + name + " holds " + found + " " + kind + " records where "
          + expected + " were written; not published");
    }
  }

  private static ObjectNode sourceDoc(SourceDocument document, int order) {
    ObjectNode doc = Cluster.JSON.createObjectNode();
    doc.put(Fields.KIND, Fields.DOCUMENT);
    doc.put(Fields.ID, document.id());
    doc.put(Fields.SOURCE, document.id());
    doc.put(Fields.ORDINAL, order);
    doc.set(Fields.META, Cluster.JSON.valueToTree(document.metadata()));
    doc.put(Fields.SOURCE_TEXT, document.text());
    return doc;
  }

  private static ObjectNode passageDoc(Passage p, SourceDocument document) {
    ObjectNode doc = Cluster.JSON.createObjectNode();
    doc.put(Fields.KIND, Fields.PASSAGE);
    doc.put(Fields.ID, p.id());
    doc.put(Fields.SOURCE, p.documentId());
    doc.put(Fields.ORDINAL, p.ordinal());
    doc.put(Fields.TEXT, p.text());
    ArrayNode headings = doc.putArray(Fields.HEADINGS);
    p.headings().forEach(headings::add);
    doc.put(Fields.TITLE, document.metadata().title() == null ? "" : document.metadata().title());
    ArrayNode tags = doc.putArray(Fields.TAG);
    p.tags().forEach(tags::add);
    ArrayNode inText = doc.putArray(Fields.TAG_IN_TEXT);
    p.tagsInText().forEach(inText::add);
    ArrayNode inherited = doc.putArray(Fields.INHERITED);
    p.inherited().forEach(t -> inherited.add(t.note()));
    doc.put(Fields.RESTATES_HEADING, p.restatesHeading());
    doc.put(Fields.START, p.start());
    doc.put(Fields.END, p.end());
    doc.set(Fields.META, Cluster.JSON.valueToTree(document.metadata()));
    return doc;
  }

  /** Index actions gathered into bulk requests of bounded size. */
  private final class Batch {
    private final String index;
    private final StringBuilder lines = new StringBuilder();
    private int actions;

    Batch(String index) {
      this.index = index;
    }

    void add(String id, ObjectNode doc) {
      ObjectNode action = Cluster.JSON.createObjectNode();
      action.putObject("index").put("_id", id);
      try {
        lines.append(Cluster.JSON.writeValueAsString(action)).append('\n')
            .append(Cluster.JSON.writeValueAsString(doc)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (++actions >= BATCH_ACTIONS || lines.length() >= BATCH_CHARS) {
        flush();
      }
    }

    void flush() {
      if (actions == 0) {
        return;
      }
      JsonNode answer = cluster.sendLines("/" + index + "/_bulk", lines.toString());
      lines.setLength(0);
      actions = 0;
      if (answer.path("errors").asBoolean()) {
        for (JsonNode item : answer.path("items")) {
          JsonNode error = item.path("index").path("error");
          if (!error.isMissingNode()) {
            throw new IllegalStateException("bulk indexing into " + index + " failed: " + error.path("type").asText()
                + ": " + error.path("reason").asText());
          }
        }
      }
    }
  }
}
