package passagesearch.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import passagesearch.eval.JudgedQuery;
import passagesearch.eval.JudgedSet;
import passagesearch.eval.JudgedSets;
import passagesearch.eval.Metrics;

/**
 * The numbers the default {@link EncoderModel} was chosen by; a main class, not a test (surefire runs only
 * {@code *Test}). One model per run, one JVM per model, so load time and resident memory are that model's:
 *
 * <pre>
 * ./mvnw -B -q -Pembed-bench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * CP=target/test-classes:target/classes:$(cat target/bench.cp)
 * taskset -c 0   java -Xmx128m -cp $CP passagesearch.embed.EncoderBench bge-small-en-v1.5 speed ../shared/data
 * taskset -c 0,1 java -Xmx512m -cp $CP passagesearch.embed.EncoderBench bge-small-en-v1.5 throughput ../shared/data
 * taskset -c 0,1 java -Xmx1g   -cp $CP passagesearch.embed.EncoderBench bge-small-en-v1.5 quality ../shared/data
 * </pre>
 *
 * <p>{@code speed}: load time, resident memory, query latency and one-core passage time (one intra-op thread;
 * pin it to one core; RSS is VmRSS after loading and 100 queries, and VmHWM, the peak, at the end). {@code throughput}: passages per second on two cores, one encoder with two intra-op
 * threads, and two callers of a one-thread encoder. {@code quality}: dense-only nDCG@10 (binary gains) of the
 * train queries of SciFact and the four MedQuAD collections, every document (title and text) ranked by cosine;
 * document vectors are cached in {@code /tmp/embed-cache/}.
 *
 * <p>2026-12-03, the 2-core machine shared with other builds (load average 8 to 12 during the timings, so wall
 * times are about twice the CPU times; the CPU times are the ones to compare), ONNX Runtime 1.20.0, the
 * langchain4j 1.11.0-beta19 model jars:
 *
 * <pre>
 * model              query ms, CPU   query ms, wall  passage ms  RSS MB       nDCG@10 train (binary)
 *                    median / p90    median / p90    one core    load / peak  SciFact NIDDK NINDS NHLBI SeniorHealth
 * bge-small-en-v1.5  5.3 / 7.1       10.0-13.3 / 16-23   41      +142 / +177  0.744   0.667 0.829 0.913 0.529
 * e5-small-v2        4.2-5.0 / 5.8-7.0  6.2-10.0 / 12-16 42      +143 / +178  0.703   0.662 0.885 0.892 0.519
 * all-minilm-l6-v2   1.8 / 2.6       2.2-2.5 / 7-9       21      +119 / +150  0.658   0.585 0.797 0.757 0.483
 * </pre>
 *
 * (bge-small at load average 3: query median 5.0 ms wall, p90 6.7; passage 40.5 ms.) RSS is the JVM's before
 * loading (65 MB, a 128 MB heap) to after loading and 100 queries, and to the peak after 300 passages.
 */
public final class EncoderBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CACHE = Path.of("/tmp/embed-cache");
  private static final List<String> COLLECTIONS =
      List.of("scifact", "medquad/niddk", "medquad/ninds", "medquad/nhlbi", "medquad/seniorhealth");

  private EncoderBench() {}

  public static void main(String[] args) throws Exception {
    EncoderModel model = EncoderModel.named(args[0]);
    Path data = Path.of(args.length > 2 ? args[2] : "../shared/data");
    switch (args[1]) {
      case "speed" -> speed(model, data);
      case "throughput" -> throughput(model, data);
      case "quality" -> quality(model, data);
      default -> throw new IllegalArgumentException("speed, throughput or quality, not " + args[1]);
    }
  }

  private static void speed(EncoderModel model, Path data) throws IOException {
    long before = rssKb();
    long start = System.nanoTime();
    try (Encoder encoder = Encoder.load(model)) {
      double loadMs = (System.nanoTime() - start) / 1e6;
      List<String> queries = JudgedSets.beir(data.resolve("scifact"), "train").queries().stream()
          .map(JudgedQuery::text).toList();
      List<String> passages = documents(data.resolve("scifact")).values().stream()
          .filter(t -> words(t) >= 100 && words(t) <= 200).limit(300).toList();
      for (String q : queries.subList(0, 100)) {
        encoder.query(q);
      }
      long rss = rssKb();
      // Wall time, and the thread's CPU time (with one intra-op thread all the work is on the caller's thread),
      // which other processes on a shared machine disturb less.
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      double[] queryMs = new double[queries.size()];
      double[] queryCpuMs = new double[queries.size()];
      for (int round = 0; round < 2; round++) { // the first round warms, the second is measured
        for (int i = 0; i < queries.size(); i++) {
          long cpu = threads.getCurrentThreadCpuTime();
          long t = System.nanoTime();
          encoder.query(queries.get(i));
          queryMs[i] = (System.nanoTime() - t) / 1e6;
          queryCpuMs[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
      }
      Arrays.sort(queryMs);
      Arrays.sort(queryCpuMs);
      for (String p : passages.subList(0, 20)) {
        encoder.passage(p);
      }
      long cpu = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      for (String p : passages) {
        encoder.passage(p);
      }
      double passageMs = (System.nanoTime() - t) / 1e6 / passages.size();
      double passageCpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / passages.size();
      System.out.printf("%s speed (load average %s): load %.0f ms; RSS before load %d MB, after load and 100 queries %d MB (peak after all: %d MB);"
              + " query median %.2f ms, p90 %.2f ms (CPU %.2f, %.2f; %d queries, words mean %.1f); passage %.1f ms (CPU %.1f)"
              + " (%d passages of 100-200 words, mean %.0f)%n",
          model.configName(), Files.readString(Path.of("/proc/loadavg")).substring(0, 14), loadMs, before / 1024, rss / 1024, peakRssKb() / 1024, queryMs[queryMs.length / 2],
          queryMs[(int) (queryMs.length * 0.9)], queryCpuMs[queryCpuMs.length / 2],
          queryCpuMs[(int) (queryCpuMs.length * 0.9)], queryMs.length,
          queries.stream().mapToInt(EncoderBench::words).average().orElse(0), passageMs, passageCpuMs, passages.size(),
          passages.stream().mapToInt(EncoderBench::words).average().orElse(0));
    }
  }

  private static void throughput(EncoderModel model, Path data) throws Exception {
    List<String> passages = documents(data.resolve("scifact")).values().stream()
        .filter(t -> words(t) >= 100 && words(t) <= 200).limit(400).toList();
    try (Encoder two = Encoder.load(model, 2)) {
      two.passages(passages.subList(0, 32));
      long t = System.nanoTime();
      two.passages(passages);
      System.out.printf("%s throughput: one encoder, 2 intra-op threads: %.1f passages/s%n",
          model.configName(), passages.size() / ((System.nanoTime() - t) / 1e9));
    }
    try (Encoder one = Encoder.load(model, 1); ExecutorService pool = Executors.newFixedThreadPool(2)) {
      one.passages(passages.subList(0, 32));
      long t = System.nanoTime();
      List<Future<?>> halves = new ArrayList<>();
      for (List<String> half : List.of(passages.subList(0, 200), passages.subList(200, 400))) {
        halves.add(pool.submit(() -> one.passages(half)));
      }
      for (Future<?> f : halves) {
        f.get();
      }
      System.out.printf("%s throughput: two callers of a 1-thread encoder: %.1f passages/s%n", model.configName(),
          passages.size() / ((System.nanoTime() - t) / 1e9));
    }
  }

  private static void quality(EncoderModel model, Path data) throws Exception {
    try (Encoder encoder = Encoder.load(model, 2)) {
      List<String> row = new ArrayList<>();
      for (String name : COLLECTIONS) {
        Path dir = data.resolve(name);
        Map<String, String> docs = documents(dir);
        List<String> ids = List.copyOf(docs.keySet());
        float[][] vectors = cachedVectors(encoder, name, ids, docs);
        JudgedSet judged = JudgedSets.beir(dir, "train");
        double sum = 0;
        for (JudgedQuery q : judged.queries()) {
          float[] v = encoder.query(q.text());
          List<String> top = topTen(v, vectors, ids);
          Map<String, Integer> binary = judged.judgments().getOrDefault(q.id(), Map.of()).entrySet().stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() > 0 ? 1 : 0));
          sum += Metrics.ndcg(top, binary, 10);
        }
        row.add(String.format("%s %.4f (%d queries, %d docs)", name, sum / judged.queries().size(),
            judged.queries().size(), ids.size()));
      }
      System.out.println(model.configName() + " nDCG@10 train: " + String.join("; ", row));
    }
  }

  private static List<String> topTen(float[] query, float[][] vectors, List<String> ids) {
    Integer[] order = new Integer[vectors.length];
    double[] scores = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      order[i] = i;
      scores[i] = EncoderTest.dot(query, vectors[i]);
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> ids.get(i)));
    return Arrays.stream(order).limit(10).map(ids::get).toList();
  }

  /** The collection's vectors, from the cache when this model has embedded this corpus before. */
  private static float[][] cachedVectors(Encoder encoder, String name, List<String> ids, Map<String, String> docs)
      throws IOException {
    Path file = CACHE.resolve(encoder.model()).resolve(name.replace('/', '-') + ".vectors");
    if (Files.isRegularFile(file)) {
      try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
        float[][] vectors = new float[in.readInt()][in.readInt()];
        for (float[] v : vectors) {
          for (int d = 0; d < v.length; d++) {
            v[d] = in.readFloat();
          }
        }
        if (vectors.length == ids.size()) {
          return vectors;
        }
      }
    }
    long t = System.nanoTime();
    List<float[]> list = encoder.passages(ids.stream().map(docs::get).toList());
    System.out.printf("%s: embedded %d documents in %.0f s%n", name, ids.size(), (System.nanoTime() - t) / 1e9);
    Files.createDirectories(file.getParent());
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeInt(list.size());
      out.writeInt(encoder.dimensions());
      for (float[] v : list) {
        for (float f : v) {
          out.writeFloat(f);
        }
      }
    }
    return list.toArray(float[][]::new);
  }

  /** Document id to title and text, in file order. */
  private static Map<String, String> documents(Path dir) throws IOException {
    Map<String, String> docs = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("corpus.jsonl"))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode n = JSON.readTree(line);
          String title = n.path("title").asText("");
          docs.put(n.get("_id").asText(), (title + " " + n.path("text").asText("")).strip());
        }
      }
    }
    return docs;
  }

  private static int words(String text) {
    return text.split("\\s+").length;
  }

  private static long rssKb() throws IOException {
    return statusKb("VmRSS:");
  }

  private static long peakRssKb() throws IOException {
    return statusKb("VmHWM:");
  }

  private static long statusKb(String field) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field))
        .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
  }
}
