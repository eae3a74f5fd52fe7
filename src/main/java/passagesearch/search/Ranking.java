package passagesearch.search;

import java.util.ArrayList;
import java.util.List;
import passagesearch.query.Concept;

/**
 * One query's shaped ranking (duplicates folded, sources diversified: {@link ResultShaper}), worked out
 * only as deep as a page needs, so that every page of a query is cut from the same ranking. Either engine's
 * candidates ({@link Candidates}): the embedded index's ({@link LuceneCandidates}) or a cluster's.
 *
 * <p>Candidates are taken in the engine's order, best score first and ties in an order that is the same
 * however many are collected, and shaped one at a time. The first {@code n} hits are final once {@code n}
 * kept hits score at least the raw score of the next candidate ({@link ResultShaper.Pass#settles}); until
 * then more candidates are collected after the last one. The first {@code window} candidates are always
 * shaped: the duplicates folded among them leave the total and the facet counts, whatever the page.
 */
public final class Ranking {
  /** An engine's candidates for one query, best raw score first, collected in steps. */
  public interface Candidates {
    /** Candidates collected so far. */
    int collected();

    /** The raw score of the candidate at {@code i} (below {@link #collected()}). */
    float score(int i);

    /** The candidates {@code from} (inclusive) to {@code to}, with what shaping needs. */
    List<ResultShaper.Candidate> read(int from, int to) throws java.io.IOException;

    /**
     * Collects the next candidates, at least {@code asked} when there are that many; false when there are none
     * (or a time limit cut the collecting short: a partial page is answered from the candidates before).
     */
    boolean collectMore(int asked) throws java.io.IOException;
  }

  private final ResultShaper.Pass pass;
  private final Candidates candidates;
  private final int window;
  private final List<ResultShaper.Candidate> read = new ArrayList<>();
  private int offered;
  private List<ResultShaper.Candidate> foldedInWindow;

  /**
   * @param candidates the best candidates, first collected for {@link #firstDepth} hits
   * @param concepts the query's concepts, which the candidates say how they cover
   */
  public Ranking(ResultShaper shaper, List<Concept> concepts, int window, Candidates candidates) {
    this.pass = shaper.new Pass(concepts);
    this.candidates = candidates;
    this.window = window;
  }

  /**
   * How many candidates to collect first for the best {@code n} hits: the window, or twice {@code n} for
   * more than half a window (folding and source decay usually need more candidates than hits), and one
   * more, whose raw score says whether those settle the page. Collecting more costs little; shaping them
   * is only done as far as needed.
   */
  public static int firstDepth(int n, int window) {
    return Math.max(window, 2 * n) + 1;
  }

  /** The best {@code n} hits, best first; fewer when the query has fewer. */
  public List<ResultShaper.Shaped> best(int n) throws java.io.IOException {
    shapeWindow();
    while (true) {
      if (offered == candidates.collected() && !collectMore()) {
        return pass.best(n);
      }
      if (pass.settles(n, candidates.score(offered))) {
        return pass.best(n);
      }
      offerNext();
    }
  }

  /** The candidates among the first {@code window} folded as duplicates of better hits. */
  public List<ResultShaper.Candidate> foldedInWindow() throws java.io.IOException {
    shapeWindow();
    return foldedInWindow;
  }

  private void shapeWindow() throws java.io.IOException {
    if (foldedInWindow != null) {
      return;
    }
    while (offered < window && (offered < candidates.collected() || collectMore())) {
      offerNext();
    }
    foldedInWindow = pass.folded();
  }

  private void offerNext() throws java.io.IOException {
    if (offered == read.size()) {
      read.addAll(candidates.read(offered, Math.min(candidates.collected(), offered + window)));
    }
    pass.offer(read.get(offered++));
  }

  /** Collects as many again as so far (at least a window). */
  private boolean collectMore() throws java.io.IOException {
    return candidates.collectMore(Math.max(window, candidates.collected()));
  }
}
