package passagesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import passagesearch.index.Fields;

/** A search's facets: matches per tag and per source, over every match, largest first. */
public final class FacetCounts {
  /** Facet values returned per search: every tag of a vocabulary, the sources that answer most. */
  static final int MAX_TAGS = 100;
  static final int MAX_SOURCES = 20;

  private FacetCounts() {}

  /**
   * The counts of the collected matches, less the near-duplicates folded into better hits: they are not
   * results, so they leave the counts as they leave the total.
   */
  static Map<String, Map<String, Integer>> of(SortedSetDocValuesReaderState state, FacetsCollector collected,
      List<ResultShaper.Candidate> folded) throws IOException {
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, collected);
    Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
    facets.put("tags", top(counts, Fields.TAG, MAX_TAGS));
    facets.put("source", top(counts, Fields.SOURCE, MAX_SOURCES));
    List<Folded> less = new ArrayList<>();
    for (ResultShaper.Candidate c : folded) {
      less.add(new Folded(c.source(), tags(state.getReader(), c.doc())));
    }
    return without(facets, less);
  }

  /** A near-duplicate folded into a better hit: its source and tags. */
  public record Folded(String source, List<String> tags) {}

  /**
   * Facets ({@code tags}, {@code source}) less the near-duplicates folded into better hits: they are not
   * results, so they leave the counts as they leave the total; a count that reaches nothing goes.
   */
  public static Map<String, Map<String, Integer>> without(Map<String, Map<String, Integer>> facets, List<Folded> folded) {
    for (Folded f : folded) {
      facets.get("source").computeIfPresent(f.source(), (k, v) -> v - 1);
      for (String tag : f.tags()) {
        facets.get("tags").computeIfPresent(tag, (k, v) -> v - 1);
      }
    }
    facets.values().forEach(m -> m.values().removeIf(v -> v <= 0));
    return facets;
  }

  /** A passage's tags, from their doc values (as the catalogue counts them), not its stored fields. */
  private static List<String> tags(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), Fields.TAG);
    List<String> tags = new ArrayList<>();
    if (values.advanceExact(doc - leaf.docBase)) {
      for (int i = 0; i < values.docValueCount(); i++) {
        tags.add(values.lookupOrd(values.nextOrd()).utf8ToString());
      }
    }
    return tags;
  }

  /** The largest counts of a dimension, largest first (ties by label), at most {@code max} of them. */
  private static Map<String, Integer> top(SortedSetDocValuesFacetCounts counts, String dim, int max)
      throws IOException {
    Map<String, Integer> out = new LinkedHashMap<>();
    FacetResult r;
    try {
      // Lucene breaks ties at the cut by label, as the sort below does.
      r = counts.getTopChildren(max, dim);
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
