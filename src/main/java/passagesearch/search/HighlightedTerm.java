package passagesearch.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.IOSupplier;

/**
 * A word of the query as the highlighter asks it: the same matches as its {@link TermQuery}, read through one
 * terms enum a segment and one postings enum reused from hit to hit. Lucene's term weight opens both afresh for
 * every hit and every word, whether or not the hit holds the word: each postings enum with offsets brings its
 * own buffers, and for a claim of fifteen words over a page of ten hits that was 44% of the memory a SciFact
 * search allocated (JFR allocation profile), so about one young collection in three.
 *
 * <p>Reuse holds because the highlighter reads one hit's matches whole, once, before it asks for the next hit's
 * ({@code FieldHighlighter#highlightFieldForDoc}); a weight serves one highlighting pass on one thread.
 */
final class HighlightedTerm extends WrappedQuery<TermQuery> {
  private HighlightedTerm(TermQuery query) {
    super(query);
  }

  /**
   * {@code rewritten} with each word reached through Boolean and boost queries asked as a highlighted term;
   * everything else (phrases, synonyms, words scored over fields as one) as it was.
   */
  static Query within(Query rewritten) {
    if (rewritten instanceof TermQuery term) {
      return new HighlightedTerm(term);
    }
    if (rewritten instanceof BoostQuery boost) {
      Query inner = within(boost.getQuery());
      return inner == boost.getQuery() ? rewritten : new BoostQuery(inner, boost.getBoost());
    }
    if (rewritten instanceof BooleanQuery bool) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (BooleanClause clause : bool.clauses()) {
        Query inner = within(clause.query());
        changed |= inner != clause.query();
        b.add(inner, clause.occur());
      }
      return changed ? b.build() : rewritten;
    }
    return rewritten;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Term term = wrapped.getTerm();
    TermStates states = TermStates.build(searcher, term, false);
    return new Weight(this) {
      private LeafReaderContext leaf;
      private TermsEnum terms;
      private PostingsEnum postings;
      private Weight stock;

      @Override
      public Matches matches(LeafReaderContext context, int doc) throws IOException {
        if (context != leaf) {
          leaf = context;
          terms = positioned(context);
        }
        if (terms == null) {
          return null;
        }
        return MatchesUtils.forField(term.field(), () -> {
          postings = terms.postings(postings, PostingsEnum.OFFSETS);
          return postings.advance(doc) == doc ? new Offsets(postings) : null;
        });
      }

      private TermsEnum positioned(LeafReaderContext context) throws IOException {
        IOSupplier<TermState> supplier = states.get(context);
        TermState state = supplier == null ? null : supplier.get();
        Terms inField = state == null ? null : context.reader().terms(term.field());
        if (inField == null) {
          return null;
        }
        TermsEnum positioned = inField.iterator();
        positioned.seekExact(term.bytes(), state);
        postings = null;
        return positioned;
      }

      /** Matching is the term query's own; the highlighter never asks for it. */
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        return stock().scorerSupplier(context);
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        return stock().explain(context, doc);
      }

      private Weight stock() throws IOException {
        if (stock == null) {
          stock = wrapped.createWeight(searcher, scoreMode, boost);
        }
        return stock;
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  /** The word's positions and offsets in one hit, as Lucene's term matches give them. */
  private final class Offsets implements MatchesIterator {
    private final PostingsEnum postings;
    private int left;
    private int position = -1;

    Offsets(PostingsEnum postings) throws IOException {
      this.postings = postings;
      this.left = postings.freq();
    }

    @Override
    public boolean next() throws IOException {
      if (left-- <= 0) {
        return false;
      }
      position = postings.nextPosition();
      return true;
    }

    @Override
    public int startPosition() {
      return position;
    }

    @Override
    public int endPosition() {
      return position;
    }

    @Override
    public int startOffset() throws IOException {
      return postings.startOffset();
    }

    @Override
    public int endOffset() throws IOException {
      return postings.endOffset();
    }

    @Override
    public MatchesIterator getSubMatches() {
      return null;
    }

    @Override
    public Query getQuery() {
      return wrapped;
    }
  }
}
