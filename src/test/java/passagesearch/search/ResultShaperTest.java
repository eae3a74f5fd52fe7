package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import passagesearch.config.CoverageSettings;
import passagesearch.query.Concept;
import passagesearch.query.Node;

/** Shaping one candidate at a time settles the first hits exactly as shaping every candidate would. */
class ResultShaperTest {
  private final ResultShaper shaper = new ResultShaper(0.8f, 0.95f, new CoverageSettings(0.6f, 0.5f, 0.2f));
  /** A drug and a topic, as "imatinib side effects" names them. */
  private static final List<Concept> CONCEPTS = List.of(
      Concept.of(Concept.Kind.TAG, "imatinib", List.of(new Node.Term("imatinib")), List.of("imatinib"),
          List.of("targeted-therapy"), true),
      Concept.of(Concept.Kind.TAG, "side effects", List.of(new Node.Term("side"), new Node.Term("effects")),
          List.of("side-effects"), List.of(), false));
  private static final Coverage.Way[] WAYS = Coverage.Way.values();

  @Test
  void aDuplicateIsFoldedAndEachFurtherHitFromASourceDecays() {
    ResultShaper.Result r = shaper.shape(List.of(
        new ResultShaper.Candidate(1, 10f, "a", new int[] {1, 2, 3, 4, 5}, Coverage.NONE),
        new ResultShaper.Candidate(2, 9.9f, "a", new int[] {6, 7, 8}, Coverage.NONE),
        new ResultShaper.Candidate(3, 9.8f, "b", new int[] {1, 2, 3, 4, 5}, Coverage.NONE),
        new ResultShaper.Candidate(4, 9.6f, "b", new int[] {9}, Coverage.NONE)), List.of());
    assertEquals(List.of(1, 4, 2), r.hits().stream().map(s -> s.candidate().doc()).toList());
    assertEquals(9.405f, r.hits().get(2).score(), 1e-6f);
    assertEquals(List.of(3), r.folded().stream().map(ResultShaper.Candidate::doc).toList());
  }

  @Test
  void aHitThatLeavesOutTheDrugFallsBelowACloseOneThatNamesIt() {
    Coverage topicOnly = new Coverage(List.of(Coverage.Way.NONE, Coverage.Way.WORD), false);
    Coverage drugOnly = new Coverage(List.of(Coverage.Way.SYNONYM, Coverage.Way.NONE), false);
    Coverage classAndTopic = new Coverage(List.of(Coverage.Way.CLASS, Coverage.Way.WORD), false);
    Coverage both = new Coverage(List.of(Coverage.Way.WORD, Coverage.Way.TAG), false);
    ResultShaper.Result r = shaper.shape(List.of(
        new ResultShaper.Candidate(1, 10f, "a", new int[] {1}, topicOnly),
        new ResultShaper.Candidate(2, 9f, "b", new int[] {2}, classAndTopic),
        new ResultShaper.Candidate(3, 7f, "c", new int[] {3}, drugOnly),
        new ResultShaper.Candidate(4, 5f, "d", new int[] {4}, both)), CONCEPTS);
    // 10 x 0.4 = 4; 9 x (1 - 0.6 x 0.5) = 6.3; 7 x 0.8 = 5.6; 5 x 1 = 5.
    assertEquals(List.of(2, 3, 4, 1), r.hits().stream().map(s -> s.candidate().doc()).toList());
    assertEquals(4f, r.hits().get(3).score(), 1e-5f);
  }

  @Test
  void aHitFoundByMeaningLosesNothingForWordsButStillForTheDrug() {
    CoverageRule rule = new CoverageRule(new CoverageSettings(0.6f, 0.5f, 0.2f), CONCEPTS);
    assertEquals(0.8f, rule.factor(new Coverage(List.of(Coverage.Way.WORD, Coverage.Way.NONE), false)), 1e-6f);
    assertEquals(1f, rule.factor(new Coverage(List.of(Coverage.Way.WORD, Coverage.Way.NONE), true)), 1e-6f);
    assertEquals(0.4f, rule.factor(new Coverage(List.of(Coverage.Way.NONE, Coverage.Way.NONE), true)), 1e-6f);
  }

  @Test
  void theFirstHitsSettleBeforeEveryCandidateIsSeen() {
    Random random = new Random(7);
    int earlier = 0;
    for (int round = 0; round < 100; round++) {
      List<ResultShaper.Candidate> candidates = candidates(random, 5 + random.nextInt(120));
      List<ResultShaper.Shaped> all = shaper.shape(candidates, CONCEPTS).hits();
      for (int n = 1; n <= all.size(); n++) {
        ResultShaper.Pass pass = shaper.new Pass(CONCEPTS);
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
      if (shaper.shape(candidates.subList(0, m), CONCEPTS).hits().stream().filter(s -> s.score() >= next).count() >= n) {
        return m;
      }
    }
    return candidates.size();
  }

  /** Candidates best first, with ties, three sources, repeated texts and any coverage of the two concepts. */
  private static List<ResultShaper.Candidate> candidates(Random random, int count) {
    List<ResultShaper.Candidate> out = new ArrayList<>();
    float score = 20f;
    for (int doc = 0; doc < count; doc++) {
      if (random.nextInt(3) > 0) {
        score = Math.max(0f, score - random.nextFloat() * 0.5f); // Lucene's scores are never negative
      }
      int text = random.nextInt(count / 2 + 1);
      out.add(new ResultShaper.Candidate(doc, score, "s" + random.nextInt(3),
          new int[] {text * 3, text * 3 + 1, text * 3 + 2},
          new Coverage(List.of(WAYS[random.nextInt(WAYS.length)], WAYS[random.nextInt(WAYS.length)]),
              random.nextBoolean())));
    }
    return out;
  }
}
