package passagesearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  static final Map<String, Integer> GRADES = Map.of("a", 3, "b", 1, "c", 2);

  @Test
  void ndcgIsOneForTheIdealOrderAndLowerOtherwise() {
    assertEquals(1.0, Metrics.ndcg(List.of("a", "c", "b"), GRADES, 10), 1e-9);
    // dcg = 1/log2(2) * 0 + 3/log2(3) + 2/log2(4); idcg = 3 + 2/log2(3) + 1/2
    double dcg = 3 / (Math.log(3) / Math.log(2)) + 2 / 2.0;
    double idcg = 3 + 2 / (Math.log(3) / Math.log(2)) + 1 / 2.0;
    assertEquals(dcg / idcg, Metrics.ndcg(List.of("x", "a", "c"), GRADES, 10), 1e-9);
    assertEquals(0.0, Metrics.ndcg(List.of("x", "y"), GRADES, 10), 1e-9);
  }

  @Test
  void theCutOffCounts() {
    assertEquals(0.0, Metrics.ndcg(List.of("x", "a"), GRADES, 1), 1e-9);
    assertEquals(0.0, Metrics.mrr(List.of("x", "a"), GRADES, 1), 1e-9);
    assertEquals(1.0 / 3, Metrics.recall(List.of("a", "x"), GRADES, 1), 1e-9);
  }

  @Test
  void mrrIsTheReciprocalRankOfTheFirstRelevantHit() {
    assertEquals(0.5, Metrics.mrr(List.of("x", "b", "a"), GRADES, 10), 1e-9);
    assertEquals(0.0, Metrics.mrr(List.of(), GRADES, 10), 1e-9);
  }

  @Test
  void recallCountsJudgedRelevantTargetsFound() {
    assertEquals(2.0 / 3, Metrics.recall(List.of("a", "x", "c"), GRADES, 10), 1e-9);
    assertEquals(0.0, Metrics.recall(List.of("a"), Map.of(), 10), 1e-9);
  }
}
