package passagesearch.search;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * A search's first collection: the best candidates of its ranking, its total and its facet counts.
 *
 * <p>A hybrid search divides each lexical score by the query's best, which is known only once every match
 * has been scored. So the one pass over the matches scores them by words alone (the passages found by
 * meaning join at score 0: the same matches, total and facets as the fused query's), and keeps the best
 * few beyond the depth asked; the fused query, normalised by the best score that pass found, then scores
 * only those and the passages found by meaning. That is the fused query's own top: a match left out scores
 * at most its lexical score times the scale (to floating-point rounding, a few parts in ten million; every
 * lexical clause's boost multiplies its score), which is checked to be below the last candidate kept; when it
 * is not (ties at the edge), the fused query is collected whole. Scores are the fused query's own, so
 * paging on ({@link Ranking}) and explanations see the same ones.
 */
final class FusedCollection {
  /** Lexical matches kept beyond the depth asked, so that the check rarely fails. */
  static final int MARGIN = 16;
  /** How far a match's fused score may be taken to stray from its lexical score times the scale. */
  static final double SLACK = 1e-3;

  private FusedCollection() {}

  /**
   * What the first collection found.
   *
   * @param fused the query as searched (what pages on, and explanations, use)
   * @param top its best {@code depth} matches, best first, with the number of all its matches
   * @param facets every match, for the facet counts; null when not asked for
   */
  record Collected(Semantic.Fused fused, TopDocs top, FacetsCollector facets) {}

  /**
   * @param searcher collects, within the search's time limit
   * @param rescorer scores the few candidates, with no time limit (the work is bounded by their number)
   * @param facets whether to collect every match for facet counts
   * @param finish what the fused query becomes as searched (heading stubs demoted): it may lower a match's
   *     score, never raise it, so a lexical score times the scale stays a bound on a match left out
   */
  static Collected collect(IndexSearcher searcher, IndexSearcher rescorer, Fusion fusion, int depth, boolean facets,
      UnaryOperator<Query> finish) throws IOException {
    if (!fusion.joinsByMeaning()) {
      return whole(searcher, fusion.normalisedBy(0).finished(finish), depth, facets);
    }
    int asked = depth + MARGIN;
    Pass first = pass(searcher, fusion.unscaled(), asked, facets);
    ScoreDoc[] lexicalTop = first.top().scoreDocs;
    float best = lexicalTop.length == 0 ? 0 : lexicalTop[0].score;
    Semantic.Fused fused = fusion.normalisedBy(best).finished(finish);
    if (!(best > 0)) {
      // Nothing to divide by: the query is another one (the passages found by meaning, or the lexical matches).
      return whole(searcher, fused, depth, facets);
    }
    Query candidates = new BooleanQuery.Builder()
        .add(fused.query(), Occur.MUST)
        .add(fusion.byMeaning().andDocsOf(lexicalTop), Occur.FILTER)
        .build();
    TopDocs top = rescorer.search(candidates, LuceneCandidates.collector(depth, null));
    boolean everyMatch = lexicalTop.length < asked;
    if (!everyMatch && !searcher.timedOut() && !settled(top, depth, fusion.scale(best), lexicalTop[asked - 1].score)) {
      top = searcher.search(fused.query(), LuceneCandidates.collector(depth, null));
    }
    return new Collected(fused, new TopDocs(first.top().totalHits, top.scoreDocs), first.facets());
  }

  /**
   * Whether no match outside the candidates can rank among the first {@code depth}: each scores at most
   * {@code last} (the lowest lexical score kept) times the scale, and the depth-th candidate scores more.
   */
  private static boolean settled(TopDocs top, int depth, float scale, float last) {
    return top.scoreDocs.length == depth && top.scoreDocs[depth - 1].score > (double) scale * last * (1 + SLACK);
  }

  private static Collected whole(IndexSearcher searcher, Semantic.Fused fused, int depth, boolean facets)
      throws IOException {
    Pass all = pass(searcher, fused.query(), depth, facets);
    return new Collected(fused, all.top(), all.facets());
  }

  private record Pass(TopDocs top, FacetsCollector facets) {}

  private static Pass pass(IndexSearcher searcher, Query query, int n, boolean facets) throws IOException {
    if (facets) {
      FacetsCollectorManager.FacetsResult r = FacetsCollectorManager.search(searcher, query, n, new FacetsCollectorManager());
      return new Pass(r.topDocs(), r.facetsCollector());
    }
    return new Pass(searcher.search(query, LuceneCandidates.collector(n, null)), null);
  }
}
