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

  /** One ranker's mean scores over a set, and the mean time it took per query. */
  public record Measured(Scores scores, double millisPerQuery) {}

  private Evaluation() {}

  /** Scores one ranker over every query of the set, timing its queries. */
  public static Measured measure(JudgedSet set, Ranker ranker) {
    double ndcg = 0;
    double mrr = 0;
    double recall = 0;
    long nanos = 0;
    for (JudgedQuery q : set.queries()) {
      Map<String, Integer> grades = set.judgments().getOrDefault(q.id(), Map.of());
      long started = System.nanoTime();
      List<String> ranked = ranker.apply(q.text(), K);
      nanos += System.nanoTime() - started;
      ndcg += Metrics.ndcg(ranked, grades, K);
      mrr += Metrics.mrr(ranked, grades, K);
      recall += Metrics.recall(ranked, grades, K);
    }
    int n = Math.max(1, set.queries().size());
    return new Measured(new Scores(set.queries().size(), ndcg / n, mrr / n, recall / n), nanos / 1e6 / n);
  }

  /** One collection's row of the suite's table: the plain baseline, words alone, words and meaning. */
  public record SuiteRow(String collection, String split, Measured baseline, Measured lexical, Measured hybrid) {}

  /** The suite's table: one row a collection, each ranker's nDCG@10, MRR@10, Recall@10 and time per query. */
  public static void printSuite(List<SuiteRow> rows, PrintWriter out) {
    out.printf("%-14s %-7s %5s | %-27s | %-27s | %-27s%n", "collection", "split", "n",
        "baseline nDCG  MRR    R    ms", "lexical  nDCG  MRR    R    ms", "hybrid   nDCG  MRR    R    ms");
    for (SuiteRow r : rows) {
      out.printf("%-14s %-7s %5d | %s | %s | %s%n", r.collection(), r.split(), r.lexical().scores().queries(),
          cells(r.baseline()), cells(r.lexical()), cells(r.hybrid()));
    }
    out.flush();
  }

  private static String cells(Measured m) {
    if (m == null) {
      return String.format("%-27s", "  (not measured)");
    }
    Scores s = m.scores();
    return String.format("%13.3f %.3f %.3f %4.1f", s.ndcg(), s.mrr(), s.recall(), m.millisPerQuery());
  }

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
