package passagesearch.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * A query's best score over all its matches, 0 when nothing matches: what a hybrid search divides the
 * lexical scores by. Every match is scored, with no queue: on SciFact's queries (each word sought in three
 * fields, with synonyms and a phrase) scoring all matches costs a third less than a top-1 search whose
 * block-max skipping (WAND) seldom skips anything. A match's score does not depend on how the search got to
 * it, so the maximum is the one a top-1 search finds ({@code BestLexicalScoreIT}).
 */
final class BestScore implements CollectorManager<BestScore.Max, Float> {
  private BestScore() {}

  static float of(IndexSearcher searcher, Query query) throws IOException {
    return searcher.search(query, new BestScore());
  }

  @Override
  public Max newCollector() {
    return new Max();
  }

  @Override
  public Float reduce(Collection<Max> collectors) {
    float best = 0;
    for (Max m : collectors) {
      best = Math.max(best, m.best);
    }
    return best;
  }

  /** The best score one slice of the index saw. */
  static final class Max extends SimpleCollector {
    private Scorable scorer;
    private float best;

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      best = Math.max(best, scorer.score());
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }
}
