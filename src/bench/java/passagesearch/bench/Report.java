package passagesearch.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns one run's raw measurements (bench/run.sh's {@code raw.jsonl}, one JSON object a measurement, and
 * JMH's {@code jmh.json}) into the results: medians over the repeated runs, each target with PASS or MISS,
 * {@code latest.json}, {@code latest.md}, the charts, and the README's benchmark section between its
 * marker comments.
 *
 * <pre>
 * report --work DIR --out DIR [--readme README.md] [--commit SHA] [--elapsed-s N]
 * </pre>
 */
public final class Report {
  static final String BEGIN = "<!-- benchmark:begin (written by bench/run.sh; edits here are replaced) -->";
  static final String END = "<!-- benchmark:end -->";

  // ---- What the report holds: one row per table line, as written to latest.json. ----

  /** Medians over the runs of one endpoint at one connection count on one corpus. */
  record Load(String corpus, String endpoint, int connections, int runs, double rps, double p50Ms, double p90Ms,
      double p99Ms, double maxMs, double meanMs, long requests, long socketErrors, long non2xx,
      double serverCores, double busyCores, double stealCores,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double ofHealth,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double cacheHitRate) {}

  record Memory(String corpus, double peakRssMb, double rssAtEndMb, double anonymousMb, double fileMb, String heap) {}

  record Startup(String corpus, String what, int launches, double medianMs, List<Double> samplesMs) {}

  record Indexing(String corpus, String cores, int runs, long documents, long passages, double corpusMb,
      double wallS, double buildS, double docsPerS, double mbPerS, String heap) {}

  record Growth(int factor, long documents, long passages, double corpusMb, double buildS, double indexMb,
      Double p50Ms, Double p99Ms, Double rps, String heap) {}

  record Micro(String benchmark, String corpus, double score, double error, String unit) {}

  record Target(String what, String goal, String measured, String status) {}

  record Machine(int cores, String cpu, String os, String jdk, String jvmFlags) {}

  record Results(String date, String commit, Machine machine, Map<String, Object> settings, Double elapsedS,
      List<Target> targets, List<String> notes, List<Load> load, List<Memory> memory, List<Startup> startup,
      List<Indexing> indexing, List<Growth> growth, List<Micro> micro, List<JsonNode> raw) {}

  // ---- Reading ----

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    Path work = Path.of(Objects.requireNonNull(opts.get("work"), "--work DIR is required"));
    Path out = Path.of(Objects.requireNonNull(opts.get("out"), "--out DIR is required"));
    Results results = build(work, opts.get("commit"),
        opts.containsKey("elapsed-s") ? Double.valueOf(opts.get("elapsed-s")) : null);
    Files.createDirectories(out);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(out.resolve("latest.json").toFile(), results);
    List<String> charts = Charts.draw(results, out);
    Files.writeString(out.resolve("latest.md"), Markdown.full(results, charts), StandardCharsets.UTF_8);
    if (opts.containsKey("readme")) {
      Path readme = Path.of(opts.get("readme"));
      String base = readme.toAbsolutePath().getParent().relativize(out.toAbsolutePath()).toString();
      List<String> linked = charts.stream().map(c -> base + "/" + c).toList();
      Files.writeString(readme, replaceSection(Files.readString(readme), Markdown.section(results, linked, base)),
          StandardCharsets.UTF_8);
    }
    results.targets().forEach(t -> System.out.printf("%-5s %s: %s (target %s)%n", t.status(), t.what(), t.measured(), t.goal()));
    System.out.println("Results: " + out.resolve("latest.md"));
  }

  static Results build(Path work, String commit, Double elapsedS) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> raw = new ArrayList<>();
    for (String line : Files.readAllLines(work.resolve("raw.jsonl"))) {
      if (!line.isBlank()) {
        raw.add(json.readTree(line));
      }
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    // The run's settings, and what it noted at the end (load average).
    raw.stream().filter(n -> type(n).equals("settings"))
        .forEach(n -> n.properties().forEach(e -> {
          if (!e.getKey().equals("type")) {
            settings.put(e.getKey(), json.convertValue(e.getValue(), Object.class));
          }
        }));
    List<Load> load = load(raw);
    List<Indexing> indexing = indexing(raw);
    List<Growth> growth = growth(raw, load, indexing);
    List<Micro> micro = micro(work.resolve("jmh.json"), json);
    List<Memory> memory = raw.stream().filter(n -> type(n).equals("memory"))
        .map(n -> new Memory(n.path("corpus").asText(), n.path("vmhwm_kb").asDouble() / 1024,
            n.path("vmrss_kb").asDouble() / 1024, n.path("rss_anon_kb").asDouble() / 1024,
            n.path("rss_file_kb").asDouble() / 1024, n.path("heap").asText("production")))
        .toList();
    List<Startup> startup = startup(raw);
    List<String> notes = raw.stream().filter(n -> type(n).equals("note")).map(n -> n.path("text").asText()).toList();
    Results partial = new Results(
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), commit, machine(), settings, elapsedS,
        List.of(), notes, load, memory, startup, indexing, growth, micro, raw);
    return new Results(partial.date(), commit, partial.machine(), settings, elapsedS, Targets.of(partial), notes,
        load, memory, startup, indexing, growth, micro, raw);
  }

  static String type(JsonNode n) {
    return n.path("type").asText();
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double median(List<JsonNode> runs, String field) {
    return median(runs.stream().map(r -> r.path(field).asDouble()).toList());
  }

  private static List<Load> load(List<JsonNode> raw) {
    Map<String, List<JsonNode>> groups = raw.stream().filter(n -> type(n).equals("load"))
        .collect(Collectors.groupingBy(
            n -> n.path("corpus").asText() + "|" + n.path("endpoint").asText() + "|" + n.path("connections").asInt(),
            LinkedHashMap::new, Collectors.toList()));
    List<Load> rows = new ArrayList<>();
    for (List<JsonNode> runs : groups.values()) {
      JsonNode first = runs.get(0);
      long socket = 0;
      for (JsonNode r : runs) {
        JsonNode e = r.path("socket_errors");
        socket += e.path("connect").asLong() + e.path("read").asLong() + e.path("write").asLong() + e.path("timeout").asLong();
      }
      rows.add(new Load(first.path("corpus").asText(), first.path("endpoint").asText(), first.path("connections").asInt(),
          runs.size(), median(runs, "rps"), median(runs, "p50_ms"), median(runs, "p90_ms"), median(runs, "p99_ms"),
          median(runs, "max_ms"), median(runs, "mean_ms"),
          runs.stream().mapToLong(r -> r.path("requests").asLong()).sum(), socket,
          runs.stream().mapToLong(r -> r.path("non2xx").asLong()).sum(),
          median(runs, "server_cores"), median(runs, "busy_cores"), median(runs, "steal_cores"), null, hitRate(runs)));
    }
    // Search throughput as a share of /health's on the same server at the same connection count.
    List<Load> withShare = new ArrayList<>();
    for (Load l : rows) {
      Double share = null;
      if (l.endpoint().equals("search")) {
        share = rows.stream()
            .filter(h -> h.endpoint().equals("health") && h.corpus().equals(l.corpus()) && h.connections() == l.connections())
            .findFirst().map(h -> l.rps() / h.rps()).orElse(null);
      }
      withShare.add(new Load(l.corpus(), l.endpoint(), l.connections(), l.runs(), l.rps(), l.p50Ms(), l.p90Ms(), l.p99Ms(),
          l.maxMs(), l.meanMs(), l.requests(), l.socketErrors(), l.non2xx(), l.serverCores(), l.busyCores(),
          l.stealCores(), share, l.cacheHitRate()));
    }
    withShare.sort(Comparator.comparing(Load::corpus, Comparator.comparingInt(Report::corpusOrder))
        .thenComparing(Load::endpoint, Comparator.reverseOrder()).thenComparingInt(Load::connections));
    return withShare;
  }

  /**
   * The share of the runs' searches the answer cache answered (its hits and misses on /metrics, scraped before
   * and after each run); null where nothing looked in it (/health, a cache turned off, a run before it was counted).
   */
  static Double hitRate(List<JsonNode> runs) {
    long hits = runs.stream().mapToLong(r -> r.path("cache_hits").asLong()).sum();
    long looked = hits + runs.stream().mapToLong(r -> r.path("cache_misses").asLong()).sum();
    return looked == 0 ? null : (double) hits / looked;
  }

  /** seed, seed-nocache, scifact, scifact-nocache, then the growth sizes. */
  static int corpusOrder(String corpus) {
    return switch (corpus) {
      case "seed" -> 0;
      case "seed-nocache" -> 1;
      case "scifact" -> 2;
      case "scifact-nocache" -> 3;
      default -> 3 + factorOf(corpus);
    };
  }

  /** {@code scifact-16x} is 16; {@code scifact} is 1. */
  static int factorOf(String corpus) {
    int dash = corpus.lastIndexOf('-');
    return dash < 0 ? 1 : Integer.parseInt(corpus.substring(dash + 1, corpus.length() - 1));
  }

  static String growthCorpus(int factor) {
    return factor == 1 ? "scifact" : "scifact-" + factor + "x";
  }

  private static List<Indexing> indexing(List<JsonNode> raw) {
    Map<String, List<JsonNode>> groups = raw.stream().filter(n -> type(n).equals("index") && n.path("ok").asBoolean())
        .collect(Collectors.groupingBy(n -> n.path("corpus").asText() + "|" + n.path("cores").asText(),
            LinkedHashMap::new, Collectors.toList()));
    List<Indexing> rows = new ArrayList<>();
    for (List<JsonNode> runs : groups.values()) {
      JsonNode first = runs.get(0);
      double wall = median(runs, "wall_ms") / 1000;
      double mb = first.path("corpus_bytes").asDouble() / 1e6;
      long docs = first.path("documents").asLong();
      rows.add(new Indexing(first.path("corpus").asText(), first.path("cores").asText(), runs.size(), docs,
          first.path("passages").asLong(), mb, wall, median(runs, "build_ms") / 1000, docs / wall, mb / wall,
          first.path("heap").asText("production")));
    }
    return rows;
  }

  private static List<Growth> growth(List<JsonNode> raw, List<Load> load, List<Indexing> indexing) {
    List<Growth> rows = new ArrayList<>();
    for (JsonNode g : raw.stream().filter(n -> type(n).equals("growth")).toList()) {
      int factor = g.path("factor").asInt();
      Load l = load.stream()
          .filter(x -> x.corpus().equals(growthCorpus(factor)) && x.endpoint().equals("search") && x.connections() == 4)
          .findFirst().orElse(null);
      double buildS = g.path("wall_ms").asDouble() / 1000;
      long documents = g.path("documents").asLong();
      long passages = g.path("passages").asLong();
      if (!g.has("wall_ms")) {
        // 1x is SciFact itself: its build is the indexing median, not measured again.
        Indexing sci = find(indexing, i -> i.corpus().equals("scifact") && i.cores().equals("all"));
        buildS = sci == null ? Double.NaN : sci.wallS();
        documents = sci == null ? 0 : sci.documents();
        passages = sci == null ? 0 : sci.passages();
      }
      rows.add(new Growth(factor, documents, passages,
          g.path("corpus_bytes").asDouble() / 1e6, buildS, g.path("index_bytes").asDouble() / 1e6,
          l == null ? null : l.p50Ms(), l == null ? null : l.p99Ms(), l == null ? null : l.rps(),
          g.path("heap").asText("production")));
    }
    rows.sort(Comparator.comparingInt(Growth::factor));
    return rows;
  }

  private static List<Startup> startup(List<JsonNode> raw) {
    Map<String, List<JsonNode>> groups = raw.stream().filter(n -> type(n).equals("startup"))
        .collect(Collectors.groupingBy(n -> n.path("corpus").asText() + "|" + n.path("what").asText(),
            LinkedHashMap::new, Collectors.toList()));
    List<Startup> rows = new ArrayList<>();
    for (List<JsonNode> runs : groups.values()) {
      List<Double> samples = runs.stream().map(r -> r.path("ms").asDouble()).toList();
      rows.add(new Startup(runs.get(0).path("corpus").asText(), runs.get(0).path("what").asText(), samples.size(),
          median(samples), samples));
    }
    rows.sort(Comparator.comparing(Startup::what, Comparator.reverseOrder())
        .thenComparing(Startup::corpus, Comparator.comparingInt(Report::corpusOrder)));
    return rows;
  }

  private static List<Micro> micro(Path file, ObjectMapper json) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      return List.of();
    }
    List<Micro> rows = new ArrayList<>();
    for (JsonNode b : json.readTree(file.toFile())) {
      String name = b.path("benchmark").asText();
      JsonNode m = b.path("primaryMetric");
      rows.add(new Micro(name.substring(name.lastIndexOf('.') + 1), b.path("params").path("corpus").asText(""),
          m.path("score").asDouble(), m.path("scoreError").asDouble(Double.NaN), m.path("scoreUnit").asText()));
    }
    // The stages in the order a search runs them, then the whole.
    List<String> order = List.of("queryBuilding", "search", "shaping", "facets", "snippets", "json", "endToEnd");
    rows.sort(Comparator.comparing(Micro::corpus, Comparator.comparingInt(Report::corpusOrder))
        .thenComparingInt(mb -> order.indexOf(mb.benchmark()) < 0 ? order.size() : order.indexOf(mb.benchmark())));
    return rows;
  }

  private static Machine machine() {
    String cpu = "unknown";
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (IOException e) {
      // Not Linux: the model stays unknown.
    }
    String flags = "";
    try {
      flags = Files.readAllLines(Path.of("bin/jvm.options")).stream()
          .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
    } catch (IOException e) {
      flags = "(bin/jvm.options not found)";
    }
    String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
    return new Machine(Runtime.getRuntime().availableProcessors(), cpu, os, jdk, flags);
  }

  static String replaceSection(String readme, String section) {
    String block = BEGIN + "\n" + section.strip() + "\n" + END;
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin >= 0 && end > begin) {
      return readme.substring(0, begin) + block + readme.substring(end + END.length());
    }
    throw new IllegalStateException("README has no benchmark markers (" + BEGIN + " ... " + END
        + "); add them where the results belong");
  }

  static <T> T find(List<T> rows, Function<T, Boolean> test) {
    return rows.stream().filter(test::apply).findFirst().orElse(null);
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
