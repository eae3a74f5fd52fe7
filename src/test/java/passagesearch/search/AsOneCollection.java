package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;

/**
 * Checks that a search's first collection ({@link FusedCollection}) finds what the fused query collected
 * whole finds, normalised by the best score of a top-1 lexical search (as hybrid search did before the
 * two were one pass), heading stubs demoted as a search does: the same query to the bit (so the same normaliser), the same best hits with the same
 * scores, the same total and the same matches for the facets.
 */
final class AsOneCollection {
  private AsOneCollection() {}

  static void check(IndexSearcher searcher, Fusion fusion, UnaryOperator<Query> finish, int depth, String q)
      throws IOException {
    TopDocs top1 = searcher.search(fusion.lexical(), 1);
    Semantic.Fused expected =
        fusion.normalisedBy(top1.scoreDocs.length == 0 ? 0 : top1.scoreDocs[0].score).finished(finish);
    FacetsCollectorManager.FacetsResult whole =
        FacetsCollectorManager.search(searcher, expected.query(), depth, new FacetsCollectorManager());
    FusedCollection.Collected actual = FusedCollection.collect(searcher, searcher, fusion, depth, true, finish);
    assertEquals(expected.query(), actual.fused().query(), q);
    assertEquals(expected.byMeaning(), actual.fused().byMeaning(), q);
    assertEquals(whole.topDocs().totalHits, actual.top().totalHits, q);
    assertEquals(hits(whole.topDocs()), hits(actual.top()), q);
    assertEquals(matches(whole.facetsCollector()), matches(actual.facets()), q);
    TopDocs ranked = FusedCollection.collect(searcher, searcher, fusion, depth, false, finish).top();
    assertEquals(hits(whole.topDocs()), hits(ranked), q);
  }

  /** A query's fusion as a search makes it, with no filters. */
  static Fusion fusion(Served served, String q) throws IOException {
    PreparedQueries.Prepared prepared = served.prepared().of(q);
    QueryFactory factory = served.queries();
    Query lexical = factory.filtered(prepared.scored(), List.of(), List.of());
    return served.semantic().fuse(served.index(), served.index().searcher(), prepared.meaning(), prepared.contentWords(),
        lexical, factory.restriction(prepared.words(), prepared.meaning(), List.of(), List.of()));
  }

  /** Doc ids and exact scores, in rank order. */
  private static List<String> hits(TopDocs top) {
    return Arrays.stream(top.scoreDocs).map(h -> h.doc + ":" + Integer.toHexString(Float.floatToIntBits(h.score))).toList();
  }

  private static List<Integer> matches(FacetsCollector facets) throws IOException {
    List<Integer> docs = new ArrayList<>();
    for (FacetsCollector.MatchingDocs m : facets.getMatchingDocs()) {
      DocIdSetIterator it = m.bits().iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        docs.add(m.context().docBase + d);
      }
    }
    return docs;
  }
}
