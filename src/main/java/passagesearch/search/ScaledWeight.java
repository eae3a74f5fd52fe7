package passagesearch.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A kept weight whose scores are multiplied by a factor: a boosted query without building its weight again.
 *
 * <p>A hybrid search scales its lexical scores by one factor a search (the share of words over the query's
 * best lexical score), which Lucene folds into the weight it builds for the boosted query. Building it looked
 * up every term of the query again and was 12.7% of a hybrid seed search's CPU (JFR); the kept weight's
 * scores times the factor are the same to floating-point rounding, and a match's scaled score is exactly its
 * lexical score times the factor, which is what {@link FusedCollection} bounds the matches it leaves out by.
 */
final class ScaledWeight extends Weight {
  private final Weight in;
  private final float factor;

  ScaledWeight(Query query, Weight in, float factor) {
    super(query);
    this.in = in;
    this.factor = factor;
  }

  @Override
  public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
    ScorerSupplier supplier = in.scorerSupplier(context);
    if (supplier == null) {
      return null;
    }
    // Not the kept weight's bulk scorer (ScorerSupplier's default one scores through get): it would score
    // unscaled.
    return new ScorerSupplier() {
      @Override
      public Scorer get(long leadCost) throws IOException {
        return new Scaled(supplier.get(leadCost), factor);
      }

      @Override
      public long cost() {
        return supplier.cost();
      }

      @Override
      public void setTopLevelScoringClause() throws IOException {
        supplier.setTopLevelScoringClause();
      }
    };
  }

  @Override
  public Explanation explain(LeafReaderContext context, int doc) throws IOException {
    Explanation e = in.explain(context, doc);
    return e.isMatch()
        ? Explanation.match(e.getValue().floatValue() * factor, "scaled by " + factor + ", of:", e)
        : e;
  }

  @Override
  public Matches matches(LeafReaderContext context, int doc) throws IOException {
    return in.matches(context, doc);
  }

  @Override
  public int count(LeafReaderContext context) throws IOException {
    return in.count(context);
  }

  @Override
  public boolean isCacheable(LeafReaderContext context) {
    return in.isCacheable(context);
  }

  /** The kept weight's scorer, each score and bound times the factor. */
  private static final class Scaled extends FilterScorer {
    private final float factor;

    Scaled(Scorer in, float factor) {
      super(in);
      this.factor = factor;
    }

    @Override
    public float score() throws IOException {
      return in.score() * factor;
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo) * factor;
    }
  }
}
