package passagesearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import passagesearch.embed.Encoder;
import passagesearch.embed.EncoderModel;

/**
 * {@code embed-queries QUERIES.jsonl MODEL}: the time to embed a query with the service's encoder (one
 * intra-op thread, as a search uses), warm: the first 50 queries warm up, the rest are timed one at a time.
 * Prints one JSON line: model, queries timed, median, p90 and p99 milliseconds, and the load time.
 */
final class EmbedTiming {
  private static final int WARMUP = 50;

  private EmbedTiming() {}

  static void run(Path queries, String model) throws IOException {
    List<String> texts = BenchCorpus.readQueries(queries, "text");
    long loading = System.nanoTime();
    try (Encoder encoder = Encoder.load(EncoderModel.named(model))) {
      double loadMs = (System.nanoTime() - loading) / 1e6;
      for (int i = 0; i < Math.min(WARMUP, texts.size()); i++) {
        encoder.query(texts.get(i));
      }
      List<String> timed = texts.size() > WARMUP ? texts.subList(WARMUP, texts.size()) : texts;
      double[] ms = new double[timed.size()];
      for (int i = 0; i < ms.length; i++) {
        long started = System.nanoTime();
        encoder.query(timed.get(i));
        ms[i] = (System.nanoTime() - started) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf(java.util.Locale.ROOT,
          "{\"model\":\"%s\",\"queries\":%d,\"median_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"load_ms\":%.0f}%n",
          model, ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[(int) (ms.length * 0.99)], loadMs);
    }
  }
}
