package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Shaping one candidate at a time settles the first hits exactly as shaping every candidate would. */
class ResultShaperTest {
  private final ResultShaper shaper = new ResultShaper(0.8f, 0.95f);

  @Test
  void aDuplicateIsFoldedAndEachFurtherHitFromASourceDecays() {
    ResultShaper.Result r = shaper.shape(List.of(
        new ResultShaper.Candidate(1, 10f, "a", new int[] {1, 2, 3, 4, 5}),
        new ResultShaper.Candidate(2, 9.9f, "a", new int[] {6, 7, 8}),
        new ResultShaper.Candidate(3, 9.8f, "b", new int[] {1, 2, 3, 4, 5}),
        new ResultShaper.Candidate(4, 9.6f, "b", new int[] {9})));
    assertEquals(List.of(1, 4, 2), r.hits().stream().map(s -> s.candidate().doc()).toList());
    assertEquals(9.405f, r.hits().get(2).score(), 1e-6f);
    assertEquals(List.of(3), r.folded().stream().map(ResultShaper.Candidate::doc).toList());
  }

  @Test
  void theFirstHitsSettleBeforeEveryCandidateIsSeen() {
    Random random = new Random(7);
    int earlier = 0;
    for (int round = 0; round < 100; round++) {
      List<ResultShaper.Candidate> candidates = candidates(random, 5 + random.nextInt(120));
      List<ResultShaper.Shaped> all = shaper.shape(candidates).hits();
      for (int n = 1; n <= all.size(); n++) {
        ResultShaper.Pass pass = shaper.new Pass();
        int offered = 0;
        while (offered < candidates.size() && !pass.settles(n, candidates.get(offered).score())) {
          pass.offer(candidates.get(offered++));
        }
        earlier += offered < candidates.size() ? 1 : 0;
        assertEquals(all.subList(0, n), pass.best(n), "round " + round + ", n " + n);
        assertEquals(firstSettling(candidates, n), offered, "stops as soon as it may: round " + round + ", n " + n);
      }
    }
    assertTrue(earlier > 1000, "settled before the last candidate " + earlier + " times");
  }

  /** How many candidates must be shaped, found the slow way, before the first {@code n} hits are final. */
  private int firstSettling(List<ResultShaper.Candidate> candidates, int n) {
    for (int m = 0; m < candidates.size(); m++) {
      float next = candidates.get(m).score();
      if (shaper.shape(candidates.subList(0, m)).hits().stream().filter(s -> s.score() >= next).count() >= n) {
        return m;
      }
    }
    return candidates.size();
  }

  /** Candidates best first, with ties, three sources and repeated texts. */
  private static List<ResultShaper.Candidate> candidates(Random random, int count) {
    List<ResultShaper.Candidate> out = new ArrayList<>();
    float score = 20f;
    for (int doc = 0; doc < count; doc++) {
      if (random.nextInt(3) > 0) {
        score -= random.nextFloat() * 0.5f;
      }
      int text = random.nextInt(count / 2 + 1);
      out.add(new ResultShaper.Candidate(doc, score, "s" + random.nextInt(3),
          new int[] {text * 3, text * 3 + 1, text * 3 + 2}));
    }
    return out;
  }
}
