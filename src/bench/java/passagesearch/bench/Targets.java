package passagesearch.bench;

import static passagesearch.bench.Report.find;
import static passagesearch.bench.Report.fmt;

import java.util.ArrayList;
import java.util.List;
import passagesearch.bench.Report.Growth;
import passagesearch.bench.Report.Indexing;
import passagesearch.bench.Report.Load;
import passagesearch.bench.Report.Memory;
import passagesearch.bench.Report.Results;
import passagesearch.bench.Report.Startup;
import passagesearch.bench.Report.Target;

/** Issue 7's targets, each judged PASS or MISS against a run's medians (n/a when not measured). */
final class Targets {
  private Targets() {}

  static List<Target> of(Results r) {
    List<Target> out = new ArrayList<>();
    Load seed4 = search(r, "seed", 4);
    Load health4 = find(r.load(), l -> l.corpus().equals("seed") && l.endpoint().equals("health") && l.connections() == 4);
    Load sci4 = search(r, "scifact", 4);
    Growth largest = r.growth().isEmpty() ? null : r.growth().get(r.growth().size() - 1);
    Growth one = find(r.growth(), g -> g.factor() == 1);

    out.add(atLeast("Seed corpus, 4 connections: searches/s", 5000, seed4 == null ? null : seed4.rps(), "%,.0f"));
    out.add(below("Seed corpus, 4 connections: p99", 5, seed4 == null ? null : seed4.p99Ms(), "%.2f ms"));
    out.add(atLeast("Seed corpus, 4 connections: search throughput / /health throughput", 0.40,
        seed4 == null || health4 == null ? null : seed4.rps() / health4.rps(), "%.1f%%", 100));
    out.add(atLeast("SciFact, 4 connections: searches/s", 2000, sci4 == null ? null : sci4.rps(), "%,.0f"));
    out.add(below("SciFact, 4 connections: p99", 10, sci4 == null ? null : sci4.p99Ms(), "%.2f ms"));
    // The same goals with the answer cache off: what a search costs when no query repeats.
    Load seedCold = search(r, "seed-nocache", 4);
    Load sciCold = search(r, "scifact-nocache", 4);
    out.add(atLeast("Seed, 4 connections, cache off: searches/s", 5000, seedCold == null ? null : seedCold.rps(), "%,.0f"));
    out.add(below("Seed, 4 connections, cache off: p99", 5, seedCold == null ? null : seedCold.p99Ms(), "%.2f ms"));
    out.add(atLeast("SciFact, 4 connections, cache off: searches/s", 2000, sciCold == null ? null : sciCold.rps(), "%,.0f"));
    out.add(below("SciFact, 4 connections, cache off: p99", 10, sciCold == null ? null : sciCold.p99Ms(), "%.2f ms"));
    Growth g16 = find(r.growth(), g -> g.factor() == 16);
    out.add(below("SciFact 16x, 4 connections: p99", 25, g16 == null ? null : g16.p99Ms(), "%.2f ms"));
    Startup start = find(r.startup(), s -> s.corpus().equals("seed") && s.what().equals("startup"));
    out.add(below("Start-up to first answered search (seed, index built)", 1.5,
        start == null ? null : start.medianMs() / 1000, "%.2f s"));
    Memory mem = find(r.memory(), m -> m.corpus().equals("seed"));
    out.add(below("Peak resident memory under load (seed, VmHWM)", 256, mem == null ? null : mem.peakRssMb(), "%.0f MB"));
    Indexing pinned = find(r.indexing(), i -> i.corpus().equals("scifact") && i.cores().equals("1"));
    out.add(below("Indexing SciFact on one core (taskset -c 0, whole command)", 10,
        pinned == null ? null : pinned.wallS(), "%.1f s"));
    Double ratio = null;
    String what = "Build time grows no faster than the corpus";
    if (one != null && largest != null && largest.factor() > 1 && one.buildS() > 0) {
      ratio = (largest.buildS() / one.buildS()) / ((double) largest.documents() / one.documents());
      what += fmt(" (%dx build time / 1x, per document)", largest.factor());
    }
    out.add(atMost(what, 1.0, ratio, "%.2f"));
    return out;
  }

  private static Load search(Results r, String corpus, int connections) {
    return find(r.load(), l -> l.corpus().equals(corpus) && l.endpoint().equals("search") && l.connections() == connections);
  }

  private static Target atLeast(String what, double goal, Double value, String format) {
    return atLeast(what, goal, value, format, 1);
  }

  private static Target atLeast(String what, double goal, Double value, String format, double scale) {
    return judge(what, "≥ " + fmt(format, goal * scale), value, format, scale, value != null && value >= goal);
  }

  private static Target below(String what, double goal, Double value, String format) {
    return judge(what, "< " + fmt(format, goal), value, format, 1, value != null && value < goal);
  }

  private static Target atMost(String what, double goal, Double value, String format) {
    return judge(what, "≤ " + fmt(format, goal), value, format, 1, value != null && value <= goal);
  }

  private static Target judge(String what, String goal, Double value, String format, double scale, boolean pass) {
    if (value == null || value.isNaN()) {
      return new Target(what, goal, "not measured", "n/a");
    }
    return new Target(what, goal, fmt(format, value * scale), pass ? "PASS" : "MISS");
  }
}
