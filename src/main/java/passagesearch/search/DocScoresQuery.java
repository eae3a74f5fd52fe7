package passagesearch.search;

import java.util.Arrays;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Matches a fixed set of documents of one reader, each with a score given in advance: how the passages
 * found by meaning join a lexical query as one of its clauses, so that paging, facets, folding and
 * explanations treat them as any other match. Valid only on the reader it was made for, which is the
 * generation a search holds for its whole run.
 */
final class DocScoresQuery extends Query {
  private final IndexReader reader;
  private final int[] docs;
  private final float[] scores;

  /**
   * @param docs global doc ids, any order
   * @param scores their scores, in the same order
   */
  DocScoresQuery(IndexReader reader, int[] docs, float[] scores) {
    this.reader = reader;
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    this.docs = new int[docs.length];
    this.scores = new float[docs.length];
    for (int i = 0; i < order.length; i++) {
      this.docs[i] = docs[order[i]];
      this.scores[i] = scores[order[i]];
    }
  }

  /** The same documents, each scoring 0: they match and add nothing to a score. */
  DocScoresQuery unscored() {
    return new DocScoresQuery(reader, docs, new float[docs.length]);
  }

  /** These documents and those of {@code hits} (global doc ids), each once and scoring 0. */
  DocScoresQuery andDocsOf(ScoreDoc[] hits) {
    int[] all = java.util.stream.IntStream.concat(Arrays.stream(docs), Arrays.stream(hits).mapToInt(h -> h.doc))
        .distinct()
        .toArray();
    return new DocScoresQuery(reader, all, new float[all.length]);
  }

  /** Whether this global doc id is one of the documents. */
  boolean matches(int doc) {
    return Arrays.binarySearch(docs, doc) >= 0;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    if (searcher.getIndexReader() != reader) {
      throw new IllegalStateException("passages found by meaning are searched on the reader that found them");
    }
    return new Weight(this) {
      @Override
      public Explanation explain(LeafReaderContext context, int doc) {
        int i = Arrays.binarySearch(docs, context.docBase + doc);
        return i >= 0
            ? Explanation.match(scores[i] * boost, "found by meaning: similarity to the query, rescaled")
            : Explanation.noMatch("not among the passages nearest the query by meaning");
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) {
        int from = lowerBound(context.docBase);
        int to = lowerBound(context.docBase + context.reader().maxDoc());
        if (from == to) {
          return null;
        }
        Scorer scorer = new LeafScorer(context.docBase, from, to, boost);
        return new DefaultScorerSupplier(scorer);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  private int lowerBound(int doc) {
    int i = Arrays.binarySearch(docs, doc);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && docs[i - 1] == doc) {
      i--;
    }
    return i;
  }

  /** The documents of one segment, in doc order, with their scores. */
  private final class LeafScorer extends Scorer {
    private final int base;
    private final int from;
    private final int to;
    private final float boost;
    private int at;
    private int doc = -1;

    LeafScorer(int base, int from, int to, float boost) {
      this.base = base;
      this.from = from;
      this.to = to;
      this.boost = boost;
      this.at = from - 1;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public float score() {
      return scores[at] * boost;
    }

    @Override
    public float getMaxScore(int upTo) {
      float max = 0;
      for (int i = from; i < to; i++) {
        max = Math.max(max, scores[i]);
      }
      return max * boost;
    }

    @Override
    public DocIdSetIterator iterator() {
      return new DocIdSetIterator() {
        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() {
          return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
          at = Math.max(at, from);
          while (at < to && docs[at] - base < target) {
            at++;
          }
          doc = at < to ? docs[at] - base : NO_MORE_DOCS;
          return doc;
        }

        @Override
        public long cost() {
          return to - from;
        }
      };
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "meaning(" + docs.length + " passages)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocScoresQuery q && q.reader == reader && Arrays.equals(q.docs, docs)
        && Arrays.equals(q.scores, scores);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(docs) + Arrays.hashCode(scores);
  }
}
