package passagesearch.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs a judged set against two rankers, the system and a plain baseline, and reports nDCG@10, MRR@10
 * and Recall@10 for each, overall and per kind of query, with the difference.
 */
public final class Evaluation {
  public static final int K = 10;

  /** Ranks targets (passage or document ids) for a query text, best first. */
  @FunctionalInterface
  public interface Ranker extends BiFunction<String, Integer, List<String>> {}

  /** Mean scores of one ranker over a group of queries. */
  public record Scores(int queries, double ndcg, double mrr, double recall) {}

  /** System and baseline side by side, per group ("all" first, then each kind). */
  public record Report(String set, Map<String, Scores> system, Map<String, Scores> baseline, List<String> perQuery) {
    public Scores systemAll() {
      return system.get("all");
    }

    public Scores baselineAll() {
      return baseline.get("all");
    }
  }

  private Evaluation() {}

  public static Report run(JudgedSet set, Ranker system, Ranker baseline) {
    Map<String, double[]> sys = new LinkedHashMap<>();
    Map<String, double[]> base = new LinkedHashMap<>();
    List<String> perQuery = new ArrayList<>();
    for (JudgedQuery q : set.queries()) {
      Map<String, Integer> grades = set.judgments().getOrDefault(q.id(), Map.of());
      List<String> s = system.apply(q.text(), K);
      List<String> b = baseline.apply(q.text(), K);
      double sn = Metrics.ndcg(s, grades, K);
      double bn = Metrics.ndcg(b, grades, K);
      add(sys, q.kind(), sn, Metrics.mrr(s, grades, K), Metrics.recall(s, grades, K));
      add(base, q.kind(), bn, Metrics.mrr(b, grades, K), Metrics.recall(b, grades, K));
      perQuery.add(String.format("%-6s %-9s %.3f %.3f %+.3f  %s", q.id(), q.kind(), sn, bn, sn - bn, q.text()));
    }
    return new Report(set.name(), means(sys), means(base), perQuery);
  }

  private static void add(Map<String, double[]> sums, String kind, double ndcg, double mrr, double recall) {
    for (String group : List.of("all", kind)) {
      double[] v = sums.computeIfAbsent(group, g -> new double[4]);
      v[0]++;
      v[1] += ndcg;
      v[2] += mrr;
      v[3] += recall;
    }
  }

  private static Map<String, Scores> means(Map<String, double[]> sums) {
    Map<String, Scores> out = new LinkedHashMap<>();
    sums.forEach((group, v) -> out.put(group, new Scores((int) v[0], v[1] / v[0], v[2] / v[0], v[3] / v[0])));
    return out;
  }

  public static void print(Report r, PrintWriter out, boolean perQuery) {
    out.printf("%s: %d queries, metrics at %d%n", r.set(), r.systemAll().queries(), K);
    out.printf("%-10s %5s | %-21s | %-21s | %s%n", "group", "n", "system nDCG MRR  R", "baseline nDCG MRR  R", "nDCG diff");
    r.system().forEach((group, s) -> {
      Scores b = r.baseline().get(group);
      out.printf("%-10s %5d | %.3f  %.3f  %.3f | %.3f  %.3f  %.3f | %+.3f%n", group, s.queries(), s.ndcg(), s.mrr(),
          s.recall(), b.ndcg(), b.mrr(), b.recall(), s.ndcg() - b.ndcg());
    });
    if (perQuery) {
      out.println("query  kind      system baseline diff  text");
      r.perQuery().forEach(out::println);
    }
    out.flush();
  }
}
