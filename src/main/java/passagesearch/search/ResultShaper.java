package passagesearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

  /** A hit before shaping. */
  record Candidate(int doc, float score, String id, String source, String text) {}

  /** A hit after shaping, with its new score. */
  record Shaped(Candidate candidate, float score) {}

  /** The kept hits, best first, and those folded as duplicates. */
  record Result(List<Shaped> hits, List<Candidate> folded) {}

  Result shape(List<Candidate> byScore) {
    List<Candidate> kept = new ArrayList<>();
    List<Set<String>> keptShingles = new ArrayList<>();
    List<Candidate> folded = new ArrayList<>();
    for (Candidate c : byScore) {
      Set<String> shingles = shingles(c.text());
      boolean duplicate = false;
      for (Set<String> other : keptShingles) {
        if (overlap(shingles, other) >= duplicateOverlap) {
          duplicate = true;
          break;
        }
      }
      if (duplicate) {
        folded.add(c);
      } else {
        kept.add(c);
        keptShingles.add(shingles);
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

  /** Word trigrams (single words for texts under three words), lower case. */
  static Set<String> shingles(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    List<String> list = new ArrayList<>();
    for (String w : words) {
      if (!w.isEmpty()) {
        list.add(w);
      }
    }
    Set<String> out = new HashSet<>();
    if (list.size() < 3) {
      out.addAll(list);
      return out;
    }
    for (int i = 0; i + 2 < list.size(); i++) {
      out.add(list.get(i) + ' ' + list.get(i + 1) + ' ' + list.get(i + 2));
    }
    return out;
  }

  static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String s : a.size() <= b.size() ? a : b) {
      if ((a.size() <= b.size() ? b : a).contains(s)) {
        common++;
      }
    }
    return common / (double) (a.size() + b.size() - common);
  }
}
