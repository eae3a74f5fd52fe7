package passagesearch.bench;

import static passagesearch.bench.Report.fmt;

import java.util.List;
import java.util.stream.Collectors;
import passagesearch.bench.Report.Growth;
import passagesearch.bench.Report.Indexing;
import passagesearch.bench.Report.Load;
import passagesearch.bench.Report.Memory;
import passagesearch.bench.Report.Micro;
import passagesearch.bench.Report.Results;
import passagesearch.bench.Report.Startup;
import passagesearch.bench.Report.Target;

/** The results as Markdown: the whole report (latest.md) and the README's section. */
final class Markdown {
  private Markdown() {}

  /** latest.md: charts beside it. */
  static String full(Results r, List<String> charts) {
    return "# Benchmark results\n\n" + body(r, charts, "##", null);
  }

  /** The README's section; {@code base} is the results folder relative to the README. */
  static String section(Results r, List<String> charts, String base) {
    return "### Benchmark\n\n" + body(r, charts, "####", base);
  }

  private static String body(Results r, List<String> charts, String h, String base) {
    StringBuilder md = new StringBuilder();
    var s = r.settings();
    String date = String.valueOf(s.getOrDefault("started", r.date()));
    md.append(fmt("Measured %s on %d cores (%s), %s, JDK %s, JVM flags `%s` (from `bin/jvm.options`), commit `%s`. ",
        date.substring(0, Math.min(16, date.length())).replace('T', ' '), r.machine().cores(), r.machine().cpu(), r.machine().os(),
        r.machine().jdk(), r.machine().jvmFlags(), r.commit() == null ? "?" : r.commit()));
    md.append(fmt("`bench/run.sh%s`: each load point %s × %s s with wrk, the median shown; %s s warm-up per server",
        "quick".equals(s.get("mode")) ? " --quick" : "", s.get("runs"), s.get("duration_s"), s.get("warmup_s")));
    md.append(r.elapsedS() == null ? "." : fmt("; the whole run took %.1f minutes.", r.elapsedS() / 60));
    if (s.containsKey("loadavg_start")) {
      md.append(fmt(" Load average (1, 5, 15 min) at the start %s, at the end %s: other work on the machine shows here"
          + " and in the CPU column below.", s.get("loadavg_start"), s.getOrDefault("loadavg_end", "?")));
    }
    md.append('\n');
    if (base != null) {
      md.append("\nThe whole report, with memory, start-up and the in-process stages: [`").append(base)
          .append("/latest.md`](").append(base).append("/latest.md); every raw measurement: [`latest.json`](")
          .append(base).append("/latest.json).\n");
    }

    md.append('\n').append(h).append(" Targets\n\n| target | goal | measured | |\n| --- | --- | --- | --- |\n");
    for (Target t : r.targets()) {
      md.append(fmt("| %s | %s | %s | **%s** |%n", t.what(), t.goal(), t.measured(), t.status()));
    }

    if (!r.notes().isEmpty()) {
      md.append("\nNotes from the run:\n\n");
      r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
    }

    md.append('\n').append(h).append(" Load over loopback\n\n");
    md.append("wrk (closed loop, `--latency`, `-t2`; `-t1` for one connection) and the server share the machine's cores. ")
        .append("A search is `GET /api/search?q=...` with snippets and facets (the defaults), cycling through the ")
        .append("corpus's evaluation queries (seed: `eval/seed/queries.jsonl`; SciFact: its 300 test queries); ")
        .append("`GET /health` is the ceiling of the HTTP stack. Latencies in ms; errors and non-2xx are totals ")
        .append("over the runs (non-2xx: wrk's count of statuses ≥ 400). CPU: cores used by the server / by the ")
        .append("whole machine (wrk and anything else included) during the measurement, of ")
        .append(r.machine().cores()).append(". Cache hits: the share of the searches the answer cache answered ")
        .append("(`passage_search_answer_cache_gets_total` on `/metrics`, scraped before and after each run).\n\n");
    md.append("| corpus | endpoint | connections | requests/s | p50 | p90 | p99 | max | socket errors | non-2xx | of /health | cache hits | CPU |\n")
        .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Load l : r.load()) {
      md.append(fmt("| %s | %s | %d | %,.0f | %s | %s | %s | %s | %d | %d | %s | %s | %.2f / %.2f |%n", l.corpus(), l.endpoint(),
          l.connections(), l.rps(), ms(l.p50Ms()), ms(l.p90Ms()), ms(l.p99Ms()), ms(l.maxMs()), l.socketErrors(),
          l.non2xx(), l.ofHealth() == null ? "" : fmt("%.1f%%", 100 * l.ofHealth()),
          l.cacheHitRate() == null ? "" : fmt("%.1f%%", 100 * l.cacheHitRate()), l.serverCores(), l.busyCores()));
    }

    if (base == null) {
      memoryAndStartup(r, md, h);
    }
    indexing(r, md, h);
    growth(r, md, h);
    if (base == null) {
      micro(r, md, h);
    }
    if (!charts.isEmpty()) {
      md.append('\n').append(h).append(" Charts\n\n");
      for (String c : charts) {
        md.append("![").append(Charts.title(c)).append("](").append(c).append(")\n");
      }
    }
    return md.toString();
  }

  private static void memoryAndStartup(Results r, StringBuilder md, String h) {
    md.append('\n').append(h).append(" Memory and start-up\n\n");
    md.append("Resident memory of each server after its load phase, from `/proc/PID/status`: the peak (VmHWM) and, ")
        .append("at the end, anonymous memory (heap, metaspace, JIT code, thread stacks) and file-backed pages ")
        .append("(the memory-mapped index, the jar).\n\n");
    md.append("| server | peak (VmHWM) | at the end | anonymous | file-backed | heap |\n| --- | ---: | ---: | ---: | ---: | --- |\n");
    for (Memory m : r.memory()) {
      md.append(fmt("| %s | %.0f MB | %.0f MB | %.0f MB | %.0f MB | %s |%n", m.corpus(), m.peakRssMb(), m.rssAtEndMb(),
          m.anonymousMb(), m.fileMb(), m.heap()));
    }
    md.append("\nStart-up: from launching `bin/passage-search serve` to the first search answered 200, the index ")
        .append("already built (`startup`: launches for this alone; `load server`: the launch before each load phase).\n\n");
    md.append("| corpus | launches | median | every launch |\n| --- | --- | ---: | --- |\n");
    for (Startup st : r.startup()) {
      md.append(fmt("| %s (%s) | %d | %.2f s | %s |%n", st.corpus(), st.what(), st.launches(), st.medianMs() / 1000,
          st.samplesMs().stream().map(v -> fmt("%.2f", v / 1000)).collect(Collectors.joining(", "))));
    }
  }

  private static void indexing(Results r, StringBuilder md, String h) {
    md.append('\n').append(h).append(" Indexing\n\n");
    md.append("`bin/passage-search index` into a fresh folder, timed from launch to exit (the JVM's start included); ")
        .append("build is the time the index reports for itself (reading the corpus excluded). `1` core: under `taskset -c 0`.\n\n");
    md.append("| corpus | cores | runs | documents | passages | MB | whole command | build | documents/s | MB/s |\n")
        .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Indexing i : r.indexing()) {
      md.append(fmt("| %s | %s | %d | %,d | %,d | %s | %.1f s | %.1f s | %s | %s |%n", i.corpus(), i.cores(),
          i.runs(), i.documents(), i.passages(), num(i.corpusMb()), i.wallS(), i.buildS(), num(i.docsPerS()),
          num(i.mbPerS())));
    }
  }

  private static void growth(Results r, StringBuilder md, String h) {
    if (!r.growth().isEmpty()) {
      md.append('\n').append(h).append(" Growth\n\n");
      md.append("SciFact copied N times under new ids (one file a copy). Build: the whole `index` command, once ")
          .append("(1x: the indexing median); search at 4 connections with SciFact's test queries.\n\n");
      md.append("| size | documents | passages | corpus MB | build | build / 1x | index on disk | p50 | p99 | searches/s | build heap |\n")
          .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
      Growth one = r.growth().get(0);
      for (Growth g : r.growth()) {
        md.append(fmt("| %dx | %,d | %,d | %.0f | %.1f s | %.1f | %.0f MB | %s | %s | %s | %s |%n", g.factor(),
            g.documents(), g.passages(), g.corpusMb(), g.buildS(), g.buildS() / one.buildS(), g.indexMb(),
            g.p50Ms() == null ? "" : ms(g.p50Ms()), g.p99Ms() == null ? "" : ms(g.p99Ms()),
            g.rps() == null ? "" : fmt("%,.0f", g.rps()), g.heap()));
      }
    }
  }

  private static void micro(Results r, StringBuilder md, String h) {
    if (!r.micro().isEmpty()) {
      md.append('\n').append(h).append(" In-process search path (JMH)\n\n");
      md.append("`passagesearch.search.SearchPathBenchmark`: one call is one query of the evaluation set, in turn; ")
          .append("average time, one thread, production JVM flags, 8 s of warm-up (none worth the name with `--quick`). ")
          .append("`endToEnd` is `SearchService.search` (no JSON).\n\n");
      md.append("| stage | corpus | time per query | ± (99.9%) |\n| --- | --- | ---: | ---: |\n");
      for (Micro m : r.micro()) {
        md.append(fmt("| %s | %s | %s %s | %s |%n", m.benchmark(), m.corpus(), num(m.score()), m.unit().replace("us/op", "µs"),
            Double.isNaN(m.error()) ? "" : num(m.error())));
      }
    }
  }

  private static String num(double v) {
    return v < 0.1 ? fmt("%.4f", v) : v < 10 ? fmt("%.2f", v) : v < 1000 ? fmt("%.1f", v) : fmt("%,.0f", v);
  }

  private static String ms(double v) {
    return v < 10 ? fmt("%.2f", v) : v < 100 ? fmt("%.1f", v) : fmt("%.0f", v);
  }
}
