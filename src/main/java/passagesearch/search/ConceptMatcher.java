package passagesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import passagesearch.query.Concept;

/**
 * One search's concepts, ready to say how each passage among its hits mentions them: one Lucene weight per
 * concept and way, built once, run over the hits in doc order (each costs an advance per hit, never a pass
 * over the index).
 */
final class ConceptMatcher {
  private static final Coverage.Way[] WAYS = {Coverage.Way.WORD, Coverage.Way.SYNONYM, Coverage.Way.TAG, Coverage.Way.CLASS};

  private final List<Concept> concepts;
  /** [concept][way], rewritten for the searcher; null where the concept cannot be mentioned that way. */
  private final Query[][] rewritten;
  /** [concept][way], null where the concept cannot be mentioned that way. */
  private final Weight[][] weights;
  private final IntPredicate byMeaning;

  /**
   * @param byMeaning whether a passage (a doc id of {@code searcher}) was found by meaning
   */
  ConceptMatcher(IndexSearcher searcher, List<Concept> concepts, ConceptQueries queries, IntPredicate byMeaning)
      throws IOException {
    this.concepts = List.copyOf(concepts);
    this.byMeaning = byMeaning;
    this.rewritten = new Query[concepts.size()][WAYS.length];
    this.weights = new Weight[concepts.size()][WAYS.length];
    for (int c = 0; c < concepts.size(); c++) {
      for (int w = 0; w < WAYS.length; w++) {
        Query q = queries.of(concepts.get(c), WAYS[w]);
        rewritten[c][w] = q == null ? null : searcher.rewrite(q);
        weights[c][w] = q == null ? null : searcher.createWeight(rewritten[c][w], ScoreMode.COMPLETE_NO_SCORES, 1f);
      }
    }
  }

  /** A matcher with nothing to cover. */
  static ConceptMatcher none(IndexSearcher searcher) throws IOException {
    return new ConceptMatcher(searcher, List.of(), null, doc -> false);
  }

  List<Concept> concepts() {
    return concepts;
  }

  /**
   * Passages that mention every concept (any way but a class), within {@code restriction}; null when the
   * query has no concepts. Made of the queries this matcher built, not built again: for the same searcher.
   */
  Query mentioningAll(Query restriction) {
    if (concepts.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(restriction, Occur.FILTER);
    for (Query[] ways : rewritten) {
      b.add(mentioning(ways), Occur.FILTER);
    }
    return b.build();
  }

  /** Any way of mentioning one concept but its class; nothing when it cannot be mentioned so. */
  private static Query mentioning(Query[] ways) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (int w = 0; w < WAYS.length; w++) {
      if (WAYS[w] != Coverage.Way.CLASS && ways[w] != null) {
        any.add(ways[w], Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? new MatchNoDocsQuery() : any.build();
  }

  /** Reads the coverage of passages of one segment, in increasing doc order. */
  Leaf at(LeafReaderContext leaf) throws IOException {
    return new Leaf(leaf);
  }

  /** The coverage of one segment's passages, asked in increasing doc order. */
  final class Leaf {
    private final int docBase;
    private final DocIdSetIterator[][] iterators;

    private Leaf(LeafReaderContext leaf) throws IOException {
      this.docBase = leaf.docBase;
      this.iterators = new DocIdSetIterator[weights.length][WAYS.length];
      for (int c = 0; c < weights.length; c++) {
        for (int w = 0; w < WAYS.length; w++) {
          Scorer s = weights[c][w] == null ? null : weights[c][w].scorer(leaf);
          iterators[c][w] = s == null ? null : s.iterator();
        }
      }
    }

    /** How the passage {@code local} (a doc id within the segment, above any asked before) covers the concepts. */
    Coverage of(int local) throws IOException {
      if (weights.length == 0) {
        return Coverage.NONE;
      }
      List<Coverage.Way> ways = new ArrayList<>(weights.length);
      for (int c = 0; c < weights.length; c++) {
        Coverage.Way found = Coverage.Way.NONE;
        for (int w = 0; w < WAYS.length && found == Coverage.Way.NONE; w++) {
          DocIdSetIterator it = iterators[c][w];
          if (it != null && it.docID() < local) {
            it.advance(local);
          }
          if (it != null && it.docID() == local) {
            found = WAYS[w];
          }
        }
        ways.add(found);
      }
      return new Coverage(ways, byMeaning.test(docBase + local));
    }
  }
}
