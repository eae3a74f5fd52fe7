package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import passagesearch.index.Fields;
import passagesearch.index.GenerationInfo;
import passagesearch.index.OpenIndex;
import passagesearch.ingest.DocumentMetadata;

/**
 * Answers searches over the generation being served. The generation can be swapped while searches run:
 * each search holds a reference to the generation it started on and finishes there.
 */
public final class SearchService implements AutoCloseable {
  private final AtomicReference<OpenIndex> current;

  public SearchService(OpenIndex index) {
    this.current = new AtomicReference<>(index);
  }

  /** Serves a new generation from now on; the old one closes when its last search finishes. */
  public void swap(OpenIndex next) {
    OpenIndex previous = current.getAndSet(next);
    if (previous != null) {
      previous.close();
    }
  }

  /** What is being served. */
  public GenerationInfo generation() {
    return current.get().info();
  }

  public SearchResponse search(SearchRequest request) {
    long started = System.nanoTime();
    OpenIndex index = acquire();
    try {
      return new Execution(index, request, started).run();
    } catch (IOException e) {
      throw new UncheckedIOException("search failed on " + index.info().name(), e);
    } finally {
      index.release();
    }
  }

  private OpenIndex acquire() {
    while (true) {
      OpenIndex index = current.get();
      if (index.acquire()) {
        return index;
      }
      // It closed between the read and the acquire: a swap happened, read again.
    }
  }

  @Override
  public void close() {
    OpenIndex last = current.getAndSet(null);
    if (last != null) {
      last.close();
    }
  }

  /** One search on one generation. */
  private static final class Execution {
    private final OpenIndex index;
    private final SearchRequest request;
    private final long started;
    private final Map<String, DocumentMetadata> documents = new LinkedHashMap<>();

    Execution(OpenIndex index, SearchRequest request, long started) {
      this.index = index;
      this.request = request;
      this.started = started;
      index.info().documents().forEach(d -> documents.put(d.metadata().id(), d.metadata()));
    }

    SearchResponse run() throws IOException {
      RequestValidator.validate(request, index);
      QueryFactory factory = new QueryFactory(
          index.analyzer(), index.config().ranking(), index.config().tags().setAsideTags());
      Query words = factory.words(request.query());
      Query query = factory.filtered(words, request.tags(), request.sources());
      int wanted = request.offset() + request.limit();
      FacetsCollectorManager.FacetsResult result =
          FacetsCollectorManager.search(index.searcher(), query, wanted, new FacetsCollectorManager());
      TopDocs top = result.topDocs();
      ScoreDoc[] page = top.scoreDocs.length <= request.offset()
          ? new ScoreDoc[0]
          : Arrays.copyOfRange(top.scoreDocs, request.offset(), top.scoreDocs.length);
      String[] snippets = new Snippets(index).of(words, page);
      List<SearchHit> hits = new ArrayList<>(page.length);
      StoredFields stored = index.searcher().storedFields();
      for (int i = 0; i < page.length; i++) {
        hits.add(hit(stored.document(page[i].doc), request.offset() + i + 1, page[i].score, snippets[i]));
      }
      Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
      SortedSetDocValuesFacetCounts counts =
          new SortedSetDocValuesFacetCounts(index.facetState(), result.facetsCollector());
      facets.put("tags", counts(counts, Fields.TAG));
      facets.put("source", counts(counts, Fields.SOURCE));
      double took = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
      return new SearchResponse(request.query(), top.totalHits.value(), took, hits, facets);
    }

    private SearchHit hit(Document doc, int rank, float score, String snippet) {
      List<String> headings = Arrays.stream(doc.getFields(Fields.HEADING)).map(IndexableField::stringValue).toList();
      List<String> tags = Arrays.asList(doc.getValues(Fields.TAG));
      DocumentMetadata source = documents.get(doc.get(Fields.SOURCE));
      return new SearchHit(
          doc.get(Fields.ID),
          rank,
          score,
          doc.get(Fields.TEXT),
          snippet,
          headings.isEmpty() ? null : headings.get(headings.size() - 1),
          headings,
          tags,
          SourceRef.of(source),
          new SearchHit.Offsets(
              doc.getField(Fields.START).numericValue().intValue(),
              doc.getField(Fields.END).numericValue().intValue()));
    }

    private static Map<String, Integer> counts(SortedSetDocValuesFacetCounts counts, String dim) throws IOException {
      Map<String, Integer> out = new LinkedHashMap<>();
      FacetResult r;
      try {
        r = counts.getAllChildren(dim);
      } catch (IllegalArgumentException noSuchDimension) {
        return out;
      }
      if (r == null) {
        return out;
      }
      Arrays.stream(r.labelValues)
          .sorted(Comparator.comparing((LabelAndValue lv) -> -lv.value.intValue()).thenComparing(lv -> lv.label))
          .forEach(lv -> out.put(lv.label, lv.value.intValue()));
      return out;
    }
  }
}
