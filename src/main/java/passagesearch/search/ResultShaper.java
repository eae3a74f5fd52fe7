package passagesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import passagesearch.index.Fields;
import passagesearch.index.Shingles;

/**
 * Re-ranks the best hits so the first page reads well: a passage whose words largely repeat a better
 * hit's (the same text from two sources, or twice in one) is folded into it, and each further hit from a
 * source already shown is scored down a little, so several sources reach the top when several answer.
 */
final class ResultShaper {
  private final float duplicateOverlap;
  private final float sameSourceDecay;

  ResultShaper(float duplicateOverlap, float sameSourceDecay) {
    this.duplicateOverlap = duplicateOverlap;
    this.sameSourceDecay = sameSourceDecay;
  }

  /** A hit before shaping: its Lucene doc, score, source and word-trigram hashes. */
  record Candidate(int doc, float score, String source, int[] shingles) {}

  /** A hit after shaping, with its new score. */
  record Shaped(Candidate candidate, float score) {}

  /** The kept hits, best first, and those folded as duplicates. */
  record Result(List<Shaped> hits, List<Candidate> folded) {}

  /**
   * The hits with what shaping needs, read from doc values (source, trigram hashes) rather than the
   * stored text: doc values are read in doc order, so the hits are visited sorted and put back.
   */
  static List<Candidate> candidates(IndexSearcher searcher, TopDocs top) throws IOException {
    ScoreDoc[] byDoc = top.scoreDocs.clone();
    Arrays.sort(byDoc, Comparator.comparingInt((ScoreDoc sd) -> sd.doc));
    Map<Integer, Candidate> read = new java.util.HashMap<>(byDoc.length * 2);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    SortedDocValues sources = null;
    BinaryDocValues shingles = null;
    LeafReaderContext leaf = null;
    for (ScoreDoc sd : byDoc) {
      int at = ReaderUtil.subIndex(sd.doc, leaves);
      if (at != leafIndex) {
        leafIndex = at;
        leaf = leaves.get(at);
        sources = DocValues.getSorted(leaf.reader(), Fields.SOURCE);
        shingles = DocValues.getBinary(leaf.reader(), Fields.SHINGLES);
      }
      int local = sd.doc - leaf.docBase;
      String source = sources.advanceExact(local) ? sources.lookupOrd(sources.ordValue()).utf8ToString() : "";
      int[] hashes = shingles.advanceExact(local) ? Shingles.decode(shingles.binaryValue()) : new int[0];
      read.put(sd.doc, new Candidate(sd.doc, sd.score, source, hashes));
    }
    List<Candidate> candidates = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      candidates.add(read.get(sd.doc));
    }
    return candidates;
  }

  Result shape(List<Candidate> byScore) {
    List<Candidate> kept = new ArrayList<>();
    List<Candidate> folded = new ArrayList<>();
    for (Candidate c : byScore) {
      if (duplicateOfAny(c, kept)) {
        folded.add(c);
      } else {
        kept.add(c);
      }
    }
    Map<String, Integer> shown = new HashMap<>();
    List<Shaped> shaped = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      int before = shown.merge(c.source(), 1, Integer::sum) - 1;
      shaped.add(new Shaped(c, (float) (c.score() * Math.pow(sameSourceDecay, before))));
    }
    shaped.sort(Comparator.comparingDouble((Shaped s) -> -s.score()));
    return new Result(shaped, folded);
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
