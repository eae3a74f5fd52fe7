package passagesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import passagesearch.config.CoverageSettings;
import passagesearch.index.Fields;
import passagesearch.index.Shingles;
import passagesearch.query.Concept;

/**
 * Re-ranks the best hits so the first page reads well: a passage whose words largely repeat a better
 * hit's (the same text from two sources, or twice in one) is folded into it, each further hit from a
 * source already shown is scored down a little, so several sources reach the top when several answer, and
 * a hit that leaves out some of the query's concepts is scored down for them ({@link CoverageRule}), so of
 * two close hits the one that mentions more comes first. Both engines shape their hits here.
 */
public final class ResultShaper {
  private final float duplicateOverlap;
  private final float sameSourceDecay;
  private final CoverageSettings coverage;

  public ResultShaper(float duplicateOverlap, float sameSourceDecay, CoverageSettings coverage) {
    this.duplicateOverlap = duplicateOverlap;
    this.sameSourceDecay = sameSourceDecay;
    this.coverage = coverage;
  }

  /**
   * A hit before shaping: its doc (a Lucene doc id, or for another engine its place among the hits), score,
   * source, word-trigram hashes and how it covers the query's concepts.
   */
  public record Candidate(int doc, float score, String source, int[] shingles, Coverage coverage) {
    /** A hit whose trigram hashes are read from its text, for an engine that keeps none with its passages. */
    public static Candidate of(int doc, float score, String source, String text, Coverage coverage) {
      return new Candidate(doc, score, source, Shingles.of(text), coverage);
    }
  }

  /** A hit after shaping, with its new score. */
  public record Shaped(Candidate candidate, float score) {}

  /** The kept hits, best first, and those folded as duplicates. */
  record Result(List<Shaped> hits, List<Candidate> folded) {}

  /**
   * The hits with what shaping needs, read from doc values (source, trigram hashes) rather than the
   * stored text, and how each covers the query's concepts: doc values and concept matches are read in doc
   * order, so the hits are visited sorted and put back.
   */
  static List<Candidate> candidates(IndexSearcher searcher, TopDocs top, ConceptMatcher concepts) throws IOException {
    return candidates(searcher, Arrays.asList(top.scoreDocs), 0, top.scoreDocs.length, concepts);
  }

  /** {@link #candidates(IndexSearcher, TopDocs, ConceptMatcher)} for the hits {@code from} (inclusive) to {@code to}. */
  static List<Candidate> candidates(IndexSearcher searcher, List<ScoreDoc> hits, int from, int to,
      ConceptMatcher concepts) throws IOException {
    ScoreDoc[] byDoc = hits.subList(from, to).toArray(ScoreDoc[]::new);
    Arrays.sort(byDoc, Comparator.comparingInt((ScoreDoc sd) -> sd.doc));
    Map<Integer, Candidate> read = new java.util.HashMap<>(byDoc.length * 2);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    SortedDocValues sources = null;
    BinaryDocValues shingles = null;
    LeafReaderContext leaf = null;
    ConceptMatcher.Leaf covering = null;
    for (ScoreDoc sd : byDoc) {
      int at = ReaderUtil.subIndex(sd.doc, leaves);
      if (at != leafIndex) {
        leafIndex = at;
        leaf = leaves.get(at);
        sources = DocValues.getSorted(leaf.reader(), Fields.SOURCE);
        shingles = DocValues.getBinary(leaf.reader(), Fields.SHINGLES);
        covering = concepts.at(leaf);
      }
      int local = sd.doc - leaf.docBase;
      String source = sources.advanceExact(local) ? sources.lookupOrd(sources.ordValue()).utf8ToString() : "";
      int[] hashes = shingles.advanceExact(local) ? Shingles.decode(shingles.binaryValue()) : new int[0];
      read.put(sd.doc, new Candidate(sd.doc, sd.score, source, hashes, covering.of(local)));
    }
    List<Candidate> candidates = new ArrayList<>(to - from);
    for (ScoreDoc sd : hits.subList(from, to)) {
      candidates.add(read.get(sd.doc));
    }
    return candidates;
  }

  /** Shapes all of {@code byScore} (best raw score first) at once, for a query with these concepts. */
  Result shape(List<Candidate> byScore, List<Concept> concepts) {
    Pass pass = new Pass(concepts);
    byScore.forEach(pass::offer);
    return new Result(pass.best(Integer.MAX_VALUE), pass.folded());
  }

  /**
   * Shaping one candidate at a time, best raw score first. A candidate is folded when it duplicates a hit
   * kept before it; a kept hit's score is multiplied by {@code sameSourceDecay} once for each hit kept
   * from its source before it, and by its {@link CoverageRule} factor; the hits are then ordered by that
   * score (ties in raw order). No step looks at a later candidate, and no shaped score exceeds its raw
   * score, so the first hits are final before every candidate has been seen: see {@link #settles}.
   */
  public final class Pass {
    private final CoverageRule rule;
    private final List<Candidate> kept = new ArrayList<>();
    private final List<Candidate> folded = new ArrayList<>();
    private final Map<String, Integer> shown = new HashMap<>();
    private final List<Shaped> shaped = new ArrayList<>();
    /** Kept hits not yet known to stay ahead of every later candidate, highest score first. */
    private final PriorityQueue<Shaped> open =
        new PriorityQueue<>(Comparator.comparingDouble((Shaped s) -> s.score()).reversed());
    private int settled;

    /** A pass for a query with these concepts. */
    Pass(List<Concept> concepts) {
      this.rule = new CoverageRule(coverage, concepts);
    }

    /** Shapes the next candidate; candidates come best raw score first (ties in doc order). */
    public void offer(Candidate c) {
      if (duplicateOfAny(c, kept)) {
        folded.add(c);
        return;
      }
      kept.add(c);
      int before = shown.merge(c.source(), 1, Integer::sum) - 1;
      Shaped s = new Shaped(c, (float) (c.score() * Math.pow(sameSourceDecay, before) * rule.factor(c.coverage())));
      shaped.add(s);
      open.add(s);
    }

    /**
     * Whether the first {@code n} hits of {@link #best} are final, given that no candidate still to come
     * has a raw score above {@code nextRaw}: they are once {@code n} kept hits score at least that much,
     * since a later hit scores no more and ties keep raw order. {@code nextRaw} must not grow between
     * calls (it is the raw score of the next candidate).
     */
    public boolean settles(int n, float nextRaw) {
      while (!open.isEmpty() && open.peek().score() >= nextRaw) {
        open.poll();
        settled++;
      }
      return settled >= n;
    }

    /** The best {@code n} kept hits so far, best shaped score first (ties in raw order). */
    public List<Shaped> best(int n) {
      List<Shaped> sorted = new ArrayList<>(shaped);
      sorted.sort(Comparator.comparingDouble((Shaped s) -> -s.score()));
      return sorted.size() <= n ? sorted : List.copyOf(sorted.subList(0, n));
    }

    /** The candidates folded so far, in the order offered. */
    public List<Candidate> folded() {
      return List.copyOf(folded);
    }
  }

  private boolean duplicateOfAny(Candidate c, List<Candidate> kept) {
    for (Candidate other : kept) {
      if (Shingles.overlapAtLeast(c.shingles(), other.shingles(), duplicateOverlap)) {
        return true;
      }
    }
    return false;
  }
}
