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
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagGroup;
import passagesearch.config.TagVocabulary;
import passagesearch.index.Fields;
import passagesearch.index.GenerationInfo;
import passagesearch.index.OpenIndex;
import passagesearch.ingest.DocumentMetadata;

/**
 * What a generation holds, listed: documents with their passages in order, tags with counts. Nothing is
 * read up front beyond the generation's document list: a document or passage is looked up in the index
 * when asked for, and the per-document tag counts are gathered from doc values on first use, so opening
 * a generation of any size costs the same. Listings come a page at a time, read from the index by
 * ordinal, so what a request holds is bounded by its page, however long the document.
 */
final class Catalog {
  static final int CONTEXT_CHARS = 600;

  private final OpenIndex index;
  private final Map<String, DocumentMetadata> metadata = new LinkedHashMap<>();
  /** Document ids in corpus order, to page through without walking the map. */
  private final List<String> order = new ArrayList<>();
  private final Map<String, Integer> passageCounts = new HashMap<>();
  private final Lazy<TagTally> tally = new Lazy<>(this::countTags);

  Catalog(OpenIndex index) {
    this.index = index;
    for (GenerationInfo.DocumentEntry d : index.info().documents()) {
      metadata.put(d.metadata().id(), d.metadata());
      order.add(d.metadata().id());
      passageCounts.put(d.metadata().id(), d.passages());
    }
  }

  /** Passages per tag, in all and per document. */
  private record TagTally(Map<String, Integer> all, Map<String, Map<String, Integer>> byDocument) {}

  /** One pass over the source and tag doc values of every live passage. */
  private TagTally countTags() {
    Map<String, Integer> all = new HashMap<>();
    Map<String, Map<String, Integer>> byDocument = new HashMap<>();
    try {
      for (LeafReaderContext leaf : index.searcher().getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        SortedDocValues sources = DocValues.getSorted(leaf.reader(), Fields.SOURCE);
        SortedSetDocValues tags = DocValues.getSortedSet(leaf.reader(), Fields.TAG);
        String[] tagNames = new String[(int) tags.getValueCount()];
        for (int ord = 0; ord < tagNames.length; ord++) {
          tagNames[ord] = tags.lookupOrd(ord).utf8ToString();
        }
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if ((live != null && !live.get(doc)) || !sources.advanceExact(doc) || !tags.advanceExact(doc)) {
            continue;
          }
          Map<String, Integer> counts = byDocument.computeIfAbsent(
              sources.lookupOrd(sources.ordValue()).utf8ToString(), k -> new HashMap<>());
          for (int i = 0; i < tags.docValueCount(); i++) {
            String tag = tagNames[(int) tags.nextOrd()];
            counts.merge(tag, 1, Integer::sum);
            all.merge(tag, 1, Integer::sum);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TagTally(all, byDocument);
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

  /** Every heading of the generation, once, read from the headings' doc values. */
  java.util.Set<String> headings() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    try {
      for (LeafReaderContext leaf : index.searcher().getIndexReader().leaves()) {
        SortedSetDocValues headings = DocValues.getSortedSet(leaf.reader(), Fields.HEADING);
        TermsEnum all = headings.termsEnum();
        for (BytesRef h = all.next(); h != null; h = all.next()) {
          out.add(h.utf8ToString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** At most {@code limit} sources from the {@code offset}-th on, in corpus order, and how many there are. */
  DocumentList documents(int offset, int limit) {
    int from = Math.min(offset, order.size());
    int to = Math.min(order.size(), from + limit);
    return new DocumentList(order.subList(from, to).stream().map(this::summaryOf).toList(), order.size());
  }

  /** A source with at most {@code limit} of its passages, from the {@code offset}-th on, in order. */
  Optional<DocumentView> document(String id, int offset, int limit) {
    if (!metadata.containsKey(id)) {
      return Optional.empty();
    }
    List<PassageSummary> passages = new ArrayList<>();
    try {
      StoredFields stored = index.searcher().storedFields();
      // Ordinals run 1 to n, so the page starts after ordinal `offset`.
      for (ScoreDoc sd : inOrder(id, offset + 1L, Long.MAX_VALUE, limit, false).scoreDocs) {
        passages.add(summary(stored.document(sd.doc)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(new DocumentView(summaryOf(id), passages));
  }

  /**
   * A document's passages with an ordinal from {@code from} to {@code to}: the first {@code n} in order, or
   * the last {@code n} when {@code reverse}. Only {@code n} are held, however long the document.
   */
  private TopDocs inOrder(String documentId, long from, long to, int n, boolean reverse) throws IOException {
    Query inRange = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.SOURCE, documentId)), BooleanClause.Occur.FILTER)
        .add(NumericDocValuesField.newSlowRangeQuery(Fields.ORDINAL, from, to), BooleanClause.Occur.FILTER)
        .build();
    Sort byOrdinal = new Sort(new SortField(Fields.ORDINAL, SortField.Type.INT, reverse));
    return index.searcher().search(inRange, Math.max(1, n), byOrdinal);
  }

  private DocumentSummary summaryOf(String id) {
    Map<String, Integer> counts = tally.get().byDocument().getOrDefault(id, Map.of());
    return DocumentSummary.of(SourceRef.of(metadata.get(id)), passageCounts.getOrDefault(id, 0), counts);
  }

  Optional<PassageView> passage(String id) {
    try {
      TopDocs found = index.searcher().search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (found.scoreDocs.length == 0) {
        return Optional.empty();
      }
      int doc = found.scoreDocs[0].doc;
      StoredFields stored = index.searcher().storedFields();
      Document fields = stored.document(doc);
      PassageSummary p = summary(fields);
      String documentId = fields.get(Fields.SOURCE);
      String previous = neighbour(stored, inOrder(documentId, Long.MIN_VALUE, p.ordinal() - 1L, 1, true));
      String next = neighbour(stored, inOrder(documentId, p.ordinal() + 1L, Long.MAX_VALUE, 1, false));
      return Optional.of(new PassageView(p, SourceRef.of(metadata.get(documentId)), previous, next,
          context(index.sourceText(documentId), p.offsets())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final java.util.Set<String> ID_ONLY = java.util.Set.of(Fields.ID);

  private static String neighbour(StoredFields stored, TopDocs found) throws IOException {
    return found.scoreDocs.length == 0 ? null : stored.document(found.scoreDocs[0].doc, ID_ONLY).get(Fields.ID);
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
        tags.add(new TagCount(t.id(), t.label(), tally.get().all().getOrDefault(t.id(), 0)));
      }
      groups.add(new TagCount.Group(g.id(), g.label(), g.id().equals(TagVocabulary.SET_ASIDE_GROUP), tags));
    }
    return groups;
  }

}
