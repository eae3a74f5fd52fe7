package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagGroup;
import passagesearch.config.TagVocabulary;
import passagesearch.ingest.DocumentMetadata;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.search.DocumentList;
import passagesearch.search.DocumentSummary;
import passagesearch.search.DocumentView;
import passagesearch.search.Page;
import passagesearch.search.PassageSummary;
import passagesearch.search.PassageView;
import passagesearch.search.SearchHit;
import passagesearch.search.SourceRef;
import passagesearch.search.TagCount;

/**
 * What the served generation holds, read from the cluster as the embedded engine's {@code search.Catalog} reads
 * its index: the sources in corpus order (read once per generation, in pages of a thousand), a source's passages
 * in order, a passage in its context (its neighbours and its source's text, one multi-get), every tag's passage
 * count; and how a stored passage's fields read back.
 */
final class ClusterCatalogue {
  static final int MAX_TAG_FACETS = 100;

  private final Cluster cluster;
  private final String alias;
  private final TagVocabulary vocabulary;
  /** The generation served now; throws when there is none. */
  private final Supplier<String> served;
  private volatile Catalogue catalogue;

  ClusterCatalogue(Cluster cluster, String alias, TagVocabulary vocabulary, Supplier<String> served) {
    this.cluster = cluster;
    this.alias = alias;
    this.vocabulary = vocabulary;
    this.served = served;
  }

  /** Whether the served generation has this source. */
  boolean hasSource(String id) {
    return catalogue().byId.containsKey(id);
  }

  /** Forgets the sources read, after a build or a rollback. */
  void forget() {
    catalogue = null;
  }

  /** A page of the sources, in corpus order, with their passage and tag counts. */
  DocumentList documents(Page page) {
    Catalogue c = catalogue();
    List<DocumentMetadata> slice = c.sources.subList(Math.min(page.offset(), c.sources.size()),
        Math.min(c.sources.size(), page.offset() + page.limit()));
    Map<String, DocumentSummary> summaries = summaries(slice);
    return new DocumentList(slice.stream().map(m -> summaries.get(m.id())).toList(), c.sources.size());
  }

  /** A source and a page of its passages, in order; empty when the served generation has no such source. */
  Optional<DocumentView> document(String id, Page page) {
    DocumentMetadata m = catalogue().byId.get(id);
    if (m == null) {
      return Optional.empty();
    }
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("from", page.offset());
    body.put("size", page.limit());
    body.set("query", passagesOf(id));
    body.putArray("sort").addObject().put(Fields.ORDINAL, "asc");
    body.putObject("_source").putArray("excludes").add(Fields.SOURCE_TEXT).add(Fields.META);
    JsonNode answer = cluster.send("POST", "/" + alias + "/_search", body);
    List<PassageSummary> passages = new ArrayList<>();
    answer.path("hits").path("hits").forEach(h -> passages.add(summary(h.path("_source"))));
    return Optional.of(new DocumentView(summaries(List.of(m)).get(id), passages));
  }

  /** A passage in its context: its source, its neighbours, the text around it. */
  Optional<PassageView> passage(String id) {
    JsonNode found = cluster.send("GET", "/" + alias + "/_doc/" + Cluster.segment(id), null, 404);
    if (!found.path("found").asBoolean() || !Fields.PASSAGE.equals(found.path("_source").path(Fields.KIND).asText())) {
      return Optional.empty();
    }
    JsonNode s = found.path("_source");
    PassageSummary p = summary(s);
    String documentId = s.path(Fields.SOURCE).asText();
    ObjectNode ids = Cluster.JSON.createObjectNode();
    ids.putArray("ids").add(documentId + "/" + (p.ordinal() - 1)).add(documentId + "/" + (p.ordinal() + 1))
        .add(BulkWriter.SOURCE_ID_PREFIX + documentId);
    JsonNode docs = cluster.send("POST", "/" + alias + "/_mget", ids).path("docs");
    String previous = docs.path(0).path("found").asBoolean() ? docs.path(0).path("_id").asText() : null;
    String next = docs.path(1).path("found").asBoolean() ? docs.path(1).path("_id").asText() : null;
    String text = docs.path(2).path("_source").path(Fields.SOURCE_TEXT).asText(null);
    return Optional.of(new PassageView(p, SourceRef.of(metadata(s.path(Fields.META))), previous, next,
        PassageView.Context.around(text, p.offsets())));
  }

  /** Every tag of the vocabulary with its passage count, by group. */
  List<TagCount.Group> tags() {
    Map<String, Integer> counts = buckets(cluster.send("POST", "/" + alias + "/_search", tagCounts())
        .path("aggregations").path("tags"));
    List<TagCount.Group> groups = new ArrayList<>();
    for (TagGroup g : vocabulary.groups()) {
      List<TagCount> tags = new ArrayList<>();
      for (TagDefinition t : g.tags()) {
        tags.add(new TagCount(t.id(), t.label(), counts.getOrDefault(t.id(), 0)));
      }
      groups.add(new TagCount.Group(g.id(), g.label(), g.id().equals(TagVocabulary.SET_ASIDE_GROUP), tags));
    }
    return groups;
  }

  /** The search that counts the passages of every tag. */
  static ObjectNode tagCounts() {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    body.putObject("query").putObject("term").put(Fields.KIND, Fields.PASSAGE);
    body.putObject("aggs").putObject("tags").putObject("terms").put("field", Fields.TAG).put("size", 10_000);
    return body;
  }

  private static ObjectNode passagesOf(String documentId) {
    ObjectNode q = Cluster.JSON.createObjectNode();
    ArrayNode filter = q.putObject("bool").putArray("filter");
    filter.addObject().putObject("term").put(Fields.KIND, Fields.PASSAGE);
    filter.addObject().putObject("term").put(Fields.SOURCE, documentId);
    return q;
  }

  /** Passage and tag counts of some sources, in one aggregation. */
  private Map<String, DocumentSummary> summaries(List<DocumentMetadata> sources) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode filter = bool.putArray("filter");
    filter.addObject().putObject("term").put(Fields.KIND, Fields.PASSAGE);
    ArrayNode ids = filter.addObject().putObject("terms").putArray(Fields.SOURCE);
    sources.forEach(m -> ids.add(m.id()));
    ObjectNode bySource = body.putObject("aggs").putObject("by_source");
    bySource.putObject("terms").put("field", Fields.SOURCE).put("size", Math.max(1, sources.size()));
    bySource.putObject("aggs").putObject("tags").putObject("terms").put("field", Fields.TAG).put("size", MAX_TAG_FACETS);
    JsonNode answer = cluster.send("POST", "/" + alias + "/_search", body);
    Map<String, JsonNode> buckets = new LinkedHashMap<>();
    answer.path("aggregations").path("by_source").path("buckets").forEach(b -> buckets.put(b.path("key").asText(), b));
    Map<String, DocumentSummary> out = new LinkedHashMap<>();
    for (DocumentMetadata m : sources) {
      JsonNode b = buckets.get(m.id());
      Map<String, Integer> tags = b == null ? Map.of() : buckets(b.path("tags"));
      out.put(m.id(), DocumentSummary.of(SourceRef.of(m), b == null ? 0 : b.path("doc_count").asInt(), tags));
    }
    return out;
  }


  static PassageSummary summary(JsonNode s) {
    List<String> headings = strings(s.path(Fields.HEADINGS));
    return new PassageSummary(s.path(Fields.ID).asText(), s.path(Fields.ORDINAL).asInt(),
        headings.isEmpty() ? null : headings.getLast(), headings, s.path(Fields.TEXT).asText(),
        strings(s.path(Fields.TAG)), new SearchHit.Offsets(s.path(Fields.START).asInt(), s.path(Fields.END).asInt()));
  }

  /** A terms aggregation's counts by key. */
  static Map<String, Integer> buckets(JsonNode agg) {
    Map<String, Integer> out = new LinkedHashMap<>();
    agg.path("buckets").forEach(b -> out.put(b.path("key").asText(), b.path("doc_count").asInt()));
    return out;
  }

  /** A stored field's values: an array, one value, or none. */
  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(v -> out.add(v.asText()));
    } else if (!array.isMissingNode() && !array.isNull()) {
      out.add(array.asText());
    }
    return out;
  }

  static DocumentMetadata metadata(JsonNode meta) {
    try {
      return Cluster.JSON.treeToValue(meta, DocumentMetadata.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a source's metadata cannot be read back: " + e.getMessage(), e);
    }
  }

  /** The sources of the served generation, in corpus order: read once per generation. */
  private Catalogue catalogue() {
    String name = served.get();
    Catalogue c = catalogue;
    if (c != null && c.generation.equals(name)) {
      return c;
    }
    List<DocumentMetadata> sources = new ArrayList<>();
    int after = -1;
    while (true) {
      ObjectNode body = Cluster.JSON.createObjectNode();
      body.put("size", 1000);
      body.putObject("query").putObject("term").put(Fields.KIND, Fields.DOCUMENT);
      body.putArray("sort").addObject().put(Fields.ORDINAL, "asc");
      body.putArray("search_after").add(after);
      body.putArray("_source").add(Fields.META).add(Fields.ORDINAL);
      JsonNode hits = cluster.send("POST", "/" + name + "/_search", body).path("hits").path("hits");
      if (hits.isEmpty()) {
        break;
      }
      for (JsonNode h : hits) {
        sources.add(metadata(h.path("_source").path(Fields.META)));
        after = h.path("_source").path(Fields.ORDINAL).asInt();
      }
    }
    Map<String, DocumentMetadata> byId = new LinkedHashMap<>();
    sources.forEach(m -> byId.put(m.id(), m));
    c = new Catalogue(name, List.copyOf(sources), byId);
    catalogue = c;
    return c;
  }

  private record Catalogue(String generation, List<DocumentMetadata> sources, Map<String, DocumentMetadata> byId) {}
}
