package passagesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * One query's shaped ranking (duplicates folded, sources diversified: {@link ResultShaper}), worked out
 * only as deep as a page needs, so that every page of a query is cut from the same ranking.
 *
 * <p>Candidates are taken in Lucene's order, best score first and ties by doc id, which is the same order
 * however many are collected, and shaped one at a time. The first {@code n} hits are final once {@code n}
 * kept hits score at least the raw score of the next candidate ({@link ResultShaper.Pass#settles}); until
 * then more candidates are collected after the last one. The first {@code window} candidates are always
 * shaped: the duplicates folded among them leave the total and the facet counts, whatever the page.
 */
final class Ranking {
  private final ResultShaper.Pass pass;
  private final IndexSearcher searcher;
  private final Query query;
  private final int window;
  private final ConceptMatcher concepts;
  private final List<ScoreDoc> collected;
  private final List<ResultShaper.Candidate> read = new ArrayList<>();
  private boolean exhausted;
  private int offered;
  private List<ResultShaper.Candidate> foldedInWindow;

  /**
   * @param searcher the searcher that collected {@code first}, to collect further candidates with
   * @param first the best candidates, collected by {@link #collector} for {@code asked} hits
   * @param concepts the query's concepts, to say how each candidate covers them
   */
  Ranking(ResultShaper shaper, IndexSearcher searcher, Query query, int window, TopDocs first, int asked,
      ConceptMatcher concepts) {
    this.pass = shaper.new Pass(concepts.concepts());
    this.concepts = concepts;
    this.searcher = searcher;
    this.query = query;
    this.window = window;
    this.collected = new ArrayList<>(Arrays.asList(first.scoreDocs));
    this.exhausted = first.scoreDocs.length < asked || searcher.timedOut();
  }

  /**
   * How many candidates to collect first for the best {@code n} hits: the window, or twice {@code n} for
   * more than half a window (folding and source decay usually need more candidates than hits), and one
   * more, whose raw score says whether those settle the page. Collecting more costs little; shaping them
   * is only done as far as needed.
   */
  static int firstDepth(int n, int window) {
    return Math.max(window, 2 * n) + 1;
  }

  /** Candidates collected so far. */
  int collected() {
    return collected.size();
  }

  /**
   * Collects the best {@code n} candidates after {@code after} (from the best when null), counting every
   * match: the same scoring however deep, so candidates collected in steps line up.
   */
  static TopScoreDocCollectorManager collector(int n, ScoreDoc after) {
    return new TopScoreDocCollectorManager(n, after, Integer.MAX_VALUE);
  }

  /** The best {@code n} hits, best first; fewer when the query has fewer. */
  List<ResultShaper.Shaped> best(int n) throws IOException {
    shapeWindow();
    while (true) {
      if (offered == collected.size() && !collectMore()) {
        return pass.best(n);
      }
      if (pass.settles(n, collected.get(offered).score)) {
        return pass.best(n);
      }
      offerNext();
    }
  }

  /** The candidates among the first {@code window} folded as duplicates of better hits. */
  List<ResultShaper.Candidate> foldedInWindow() throws IOException {
    shapeWindow();
    return foldedInWindow;
  }

  private void shapeWindow() throws IOException {
    if (foldedInWindow != null) {
      return;
    }
    while (offered < window && (offered < collected.size() || collectMore())) {
      offerNext();
    }
    foldedInWindow = pass.folded();
  }

  private void offerNext() throws IOException {
    if (offered == read.size()) {
      int to = Math.min(collected.size(), offered + window);
      read.addAll(ResultShaper.candidates(searcher, collected, offered, to, concepts));
    }
    pass.offer(read.get(offered++));
  }

  /**
   * Collects the next candidates, as many again as so far; false when there are none (or the time limit
   * cut the collecting short: a partial page is answered from the candidates before).
   */
  private boolean collectMore() throws IOException {
    if (exhausted) {
      return false;
    }
    int asked = Math.max(window, collected.size());
    TopDocs next = searcher.search(query, collector(asked, collected.get(collected.size() - 1)));
    if (searcher.timedOut()) {
      exhausted = true;
      return false;
    }
    collected.addAll(Arrays.asList(next.scoreDocs));
    exhausted = next.scoreDocs.length < asked;
    return next.scoreDocs.length > 0;
  }
}
