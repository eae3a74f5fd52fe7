package passagesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
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
  private static final Coverage.Way[] WAYS = ConceptQueries.WAYS.toArray(Coverage.Way[]::new);

  private final List<Concept> concepts;
  private final IndexSearcher searcher;
  /** [concept][way], null where the concept cannot be mentioned that way, or only as an earlier way does. */
  private final Weight[][] weights;
  private final IntPredicate byMeaning;

  /**
   * @param queries the generation's concept queries, matched with their searcher
   * @param byMeaning whether a passage (a doc id of the generation) was found by meaning
   */
  ConceptMatcher(List<Concept> concepts, ConceptQueries queries, IntPredicate byMeaning) throws IOException {
    this(queries.searcher(), concepts, queries, byMeaning);
  }

  private ConceptMatcher(IndexSearcher searcher, List<Concept> concepts, ConceptQueries queries, IntPredicate byMeaning)
      throws IOException {
    this.concepts = List.copyOf(concepts);
    this.byMeaning = byMeaning;
    this.searcher = searcher;
    this.weights = new Weight[concepts.size()][WAYS.length];
    for (int c = 0; c < concepts.size(); c++) {
      List<Query> ways = queries.of(concepts.get(c));
      for (int w = 0; w < WAYS.length; w++) {
        Query q = ways.get(w);
        weights[c][w] = q == null ? null : searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
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
   * Whether a passage within {@code restriction} mentions every concept (any way but a class); false when the
   * query has no concepts. Runs the weights this matcher built, on the searcher it was built for: a concept's
   * terms were looked up for the hits' coverage, and are not looked up again.
   */
  boolean anyMentionsAll(Query restriction) throws IOException {
    if (concepts.isEmpty()) {
      return false;
    }
    Weight within = searcher.createWeight(searcher.rewrite(restriction), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer allowed = within.scorer(leaf);
      List<List<DocIdSetIterator>> mentions = allowed == null ? null : mentions(leaf);
      if (mentions != null && FirstMatch.exists(allowed.iterator(), mentions, leaf.reader().getLiveDocs())) {
        return true;
      }
    }
    return false;
  }

  /** For each concept, the iterators of the ways it can be mentioned in the segment; null when one cannot be. */
  private List<List<DocIdSetIterator>> mentions(LeafReaderContext leaf) throws IOException {
    List<List<DocIdSetIterator>> all = new ArrayList<>(weights.length);
    for (Weight[] ways : weights) {
      List<DocIdSetIterator> any = new ArrayList<>(WAYS.length);
      for (int w = 0; w < WAYS.length; w++) {
        DocIdSetIterator it = WAYS[w] == Coverage.Way.CLASS ? null : iterator(ways[w], leaf);
        if (it != null) {
          any.add(it);
        }
      }
      if (any.isEmpty()) {
        return null;
      }
      all.add(any);
    }
    return all;
  }

  /** The passages of the segment a weight matches, unread; null for no weight or no match there. */
  private static DocIdSetIterator iterator(Weight weight, LeafReaderContext leaf) throws IOException {
    Scorer s = weight == null ? null : weight.scorer(leaf);
    return s == null ? null : s.iterator();
  }

  /** Reads the coverage of passages of one segment, in increasing doc order. */
  Leaf at(LeafReaderContext leaf) {
    return new Leaf(leaf);
  }

  /**
   * The coverage of one segment's passages, asked in increasing doc order. A way's iterator is opened the first
   * time a passage is asked about it: a hit that mentions a concept in its words as typed never needs its synonyms',
   * tag's or class's postings (opening every one, for every search, was 5% of a seed search's CPU, JFR).
   */
  final class Leaf {
    private final LeafReaderContext leaf;
    private final DocIdSetIterator[][] iterators;
    /** [concept][way]: whether that iterator has been opened (it may be null: no weight, or no match here). */
    private final boolean[][] opened;

    private Leaf(LeafReaderContext leaf) {
      this.leaf = leaf;
      this.iterators = new DocIdSetIterator[weights.length][WAYS.length];
      this.opened = new boolean[weights.length][WAYS.length];
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
          DocIdSetIterator it = iterator(c, w);
          if (it != null && it.docID() < local) {
            it.advance(local);
          }
          if (it != null && it.docID() == local) {
            found = WAYS[w];
          }
        }
        ways.add(found);
      }
      return new Coverage(ways, byMeaning.test(leaf.docBase + local));
    }

    private DocIdSetIterator iterator(int concept, int way) throws IOException {
      if (!opened[concept][way]) {
        opened[concept][way] = true;
        iterators[concept][way] = ConceptMatcher.iterator(weights[concept][way], leaf);
      }
      return iterators[concept][way];
    }
  }
}
