package passagesearch.search;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A query already rewritten for a generation, whose weight is built once for each way it is scored and then
 * reused by every search that asks it, whatever filters those add around it.
 *
 * <p>Building a weight looks up each of the query's terms in every field it searches, for their statistics:
 * with synonyms over three fields, most of building a search's weights, which was 11% of a seed search's CPU
 * (JFR), repeated for every filter and page of the same question. A weight holds nothing of one search (Lucene
 * shares one between the threads of a search), so one built for the generation's searcher serves any searcher
 * over the same reader with the same similarity (the time-limited one of each search). Asked with another
 * boost (a hybrid search scales the lexical scores), it scores with the kept weight times the boost
 * ({@link ScaledWeight}); asked by a searcher over another reader, it builds one as the query would, unkept.
 */
final class WeighedOnce extends WrappedQuery<Query> {
  private final IndexReader reader;
  private final Similarity similarity;
  private final AtomicReferenceArray<Weight> weights = new AtomicReferenceArray<>(ScoreMode.values().length);

  /**
   * @param rewritten a query that {@code searcher} has rewritten
   * @param searcher the generation's searcher, whose reader and similarity the kept weights are for
   */
  WeighedOnce(Query rewritten, IndexSearcher searcher) {
    super(rewritten);
    this.reader = searcher.getIndexReader();
    this.similarity = searcher.getSimilarity();
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    if (searcher.getIndexReader() != reader || searcher.getSimilarity() != similarity) {
      return wrapped.createWeight(searcher, scoreMode, boost);
    }
    Weight kept = kept(searcher, scoreMode);
    return boost == 1f ? kept : new ScaledWeight(this, kept, boost);
  }

  private Weight kept(IndexSearcher searcher, ScoreMode scoreMode) throws IOException {
    Weight weight = weights.get(scoreMode.ordinal());
    if (weight == null) {
      // Two searches may both build it; either weight is the same.
      weight = wrapped.createWeight(searcher, scoreMode, 1f);
      weights.set(scoreMode.ordinal(), weight);
    }
    return weight;
  }

  /** Itself: the query it holds is rewritten already, and walking it again was 4% of a seed search's CPU. */
  @Override
  public Query rewrite(IndexSearcher searcher) {
    return this;
  }
}
