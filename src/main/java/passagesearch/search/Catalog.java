package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.MultiBits;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagGroup;
import passagesearch.config.TagVocabulary;
import passagesearch.index.Fields;
import passagesearch.index.GenerationInfo;
import passagesearch.index.OpenIndex;
import passagesearch.ingest.DocumentMetadata;

/** What a generation holds, listed: documents with their passages in order, tags with counts. */
final class Catalog {
  static final int CONTEXT_CHARS = 600;

  private final OpenIndex index;
  private final Map<String, DocumentMetadata> metadata = new LinkedHashMap<>();
  private final Map<String, List<PassageSummary>> byDocument = new LinkedHashMap<>();
  private final Map<String, PassageSummary> byId = new HashMap<>();
  private final Map<String, Integer> tagCounts = new HashMap<>();

  Catalog(OpenIndex index) {
    this.index = index;
    for (GenerationInfo.DocumentEntry d : index.info().documents()) {
      metadata.put(d.metadata().id(), d.metadata());
      byDocument.put(d.metadata().id(), new ArrayList<>());
    }
    try {
      StoredFields stored = index.searcher().storedFields();
      Bits live = MultiBits.getLiveDocs(index.searcher().getIndexReader());
      for (int doc = 0; doc < index.searcher().getIndexReader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        PassageSummary p = summary(stored.document(doc));
        byId.put(p.id(), p);
        byDocument.computeIfAbsent(p.id().substring(0, p.id().lastIndexOf('/')), k -> new ArrayList<>()).add(p);
        p.tags().forEach(t -> tagCounts.merge(t, 1, Integer::sum));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byDocument.values().forEach(list -> list.sort(Comparator.comparingInt(PassageSummary::ordinal)));
  }

  static PassageSummary summary(Document doc) {
    List<String> headings = Arrays.stream(doc.getFields(Fields.HEADING)).map(IndexableField::stringValue).toList();
    return new PassageSummary(
        doc.get(Fields.ID),
        doc.getField(Fields.ORDINAL).numericValue().intValue(),
        headings.isEmpty() ? null : headings.get(headings.size() - 1),
        headings,
        doc.get(Fields.TEXT),
        Arrays.asList(doc.getValues(Fields.TAG)),
        new SearchHit.Offsets(
            doc.getField(Fields.START).numericValue().intValue(), doc.getField(Fields.END).numericValue().intValue()));
  }

  /** A document's metadata; null for an unknown id. */
  DocumentMetadata metadata(String documentId) {
    return metadata.get(documentId);
  }

  boolean hasDocument(String documentId) {
    return metadata.containsKey(documentId);
  }

  /** Every heading of the generation, once. */
  java.util.Set<String> headings() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    byId.values().forEach(p -> out.addAll(p.headings()));
    return out;
  }

  List<DocumentSummary> documents() {
    return metadata.keySet().stream().map(this::summaryOf).toList();
  }

  Optional<DocumentView> document(String id) {
    if (!metadata.containsKey(id)) {
      return Optional.empty();
    }
    return Optional.of(new DocumentView(summaryOf(id), byDocument.getOrDefault(id, List.of())));
  }

  private DocumentSummary summaryOf(String id) {
    List<PassageSummary> passages = byDocument.getOrDefault(id, List.of());
    Map<String, Integer> counts = new HashMap<>();
    passages.forEach(p -> p.tags().forEach(t -> counts.merge(t, 1, Integer::sum)));
    return new DocumentSummary(SourceRef.of(metadata.get(id)), passages.size(), sorted(counts));
  }

  Optional<PassageView> passage(String id) {
    PassageSummary p = byId.get(id);
    if (p == null) {
      return Optional.empty();
    }
    String documentId = id.substring(0, id.lastIndexOf('/'));
    List<PassageSummary> siblings = byDocument.get(documentId);
    int at = siblings.indexOf(p);
    String previous = at > 0 ? siblings.get(at - 1).id() : null;
    String next = at + 1 < siblings.size() ? siblings.get(at + 1).id() : null;
    return Optional.of(new PassageView(p, SourceRef.of(metadata.get(documentId)), previous, next,
        context(index.sourceText(documentId), p.offsets())));
  }

  /** The source around a passage, cut at line boundaries so no line is shown in part. */
  static PassageView.Context context(String source, SearchHit.Offsets at) {
    if (source == null || at.end() > source.length()) {
      return null;
    }
    int from = Math.max(0, at.start() - CONTEXT_CHARS);
    int lineStart = source.lastIndexOf('\n', at.start() - 1);
    if (from > 0) {
      int nl = source.indexOf('\n', from);
      from = nl < 0 || nl >= at.start() ? Math.max(from, lineStart + 1) : nl + 1;
    }
    int to = Math.min(source.length(), at.end() + CONTEXT_CHARS);
    if (to < source.length()) {
      int nl = source.lastIndexOf('\n', to);
      to = nl <= at.end() ? to : nl;
    }
    return new PassageView.Context(
        source.substring(Math.min(from, at.start()), at.start()),
        source.substring(at.start(), at.end()),
        source.substring(at.end(), Math.max(at.end(), to)));
  }

  List<TagCount.Group> tags(TagVocabulary vocabulary) {
    List<TagCount.Group> groups = new ArrayList<>();
    for (TagGroup g : vocabulary.groups()) {
      List<TagCount> tags = new ArrayList<>();
      for (TagDefinition t : g.tags()) {
        tags.add(new TagCount(t.id(), t.label(), tagCounts.getOrDefault(t.id(), 0)));
      }
      groups.add(new TagCount.Group(g.id(), g.label(), g.id().equals(TagVocabulary.SET_ASIDE_GROUP), tags));
    }
    return groups;
  }

  private static Map<String, Integer> sorted(Map<String, Integer> counts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
