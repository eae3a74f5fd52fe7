package passagesearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
