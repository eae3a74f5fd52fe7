package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

/**
 * The short form of {@code scripts/soak.sh}, run with the suite: a real server answers the seed queries in
 * turn from a few client threads over HTTP while the index is rebuilt through the admin route every few
 * seconds. Every answer is a 200 with the same number of matches the query had before any rebuild, every
 * rebuild succeeds, and at the end no file of a removed generation is still mapped (a reader left open
 * after a swap). Unlike {@code RebuildUnderLoadIT} (the search service alone, one query) this goes
 * through Jetty, the admin route and every seed query. It is bounded by count, not time (8 rebuilds 3 s
 * apart, about 30-40 s), so a slow machine makes it longer, not flaky. Latency is reported, not asserted;
 * {@code -Dsoak.rebuilds=N} runs it longer.
 */
class SoakIT {
  static final int REBUILDS = Integer.getInteger("soak.rebuilds", 8);
  static final int THREADS = 3;
  static final long REBUILD_EVERY_MILLIS = 3_000;
  static final String TOKEN = "soak-token";

  @TempDir Path tmp;

  @Test
  void searchesAnswerInFullWhileTheIndexIsRebuiltEveryFewSeconds() throws Exception {
    Path index = tmp.resolve("index");
    try (LiveServer live = LiveServer.withAdmin(index, TOKEN)) {
      List<String> queries = new ArrayList<>();
      for (String line : Files.readAllLines(TestSupport.root().resolve("eval/seed/queries.jsonl"))) {
        queries.add(live.json(line).get("query").asText());
      }
      Map<String, Integer> expectedTotals = new HashMap<>();
      for (String q : queries) {
        expectedTotals.put(q, live.json(search(live, q).body()).get("total").asInt());
      }

      AtomicBoolean rebuilding = new AtomicBoolean();
      AtomicBoolean done = new AtomicBoolean();
      Queue<String> problems = new ConcurrentLinkedQueue<>();
      Queue<Long> during = new ConcurrentLinkedQueue<>();
      Queue<Long> between = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      for (int t = 0; t < THREADS; t++) {
        int offset = t * 31;
        pool.execute(() -> {
          for (int i = offset; !done.get(); i++) {
            String q = queries.get(i % queries.size());
            boolean rebuildAtStart = rebuilding.get();
            long started = System.nanoTime();
            try {
              HttpResponse<String> r = search(live, q);
              long nanos = System.nanoTime() - started;
              (rebuildAtStart || rebuilding.get() ? during : between).add(nanos);
              int total = r.statusCode() == 200 ? live.json(r.body()).get("total").asInt() : -1;
              if (total != expectedTotals.get(q)) {
                problems.add(q + " answered " + r.statusCode() + " with total " + total + ": " + r.body());
              }
            } catch (Exception e) {
              problems.add(q + " failed: " + e);
            }
          }
        });
      }

      int rebuilds = 0;
      long longestRebuild = 0;
      long soakStarted = System.nanoTime();
      try {
        while (rebuilds < REBUILDS) {
          Thread.sleep(REBUILD_EVERY_MILLIS);
          long started = System.nanoTime();
          rebuilding.set(true);
          JsonNode job = rebuild(live);
          rebuilding.set(false);
          longestRebuild = Math.max(longestRebuild, System.nanoTime() - started);
          assertEquals("SUCCEEDED", job.get("state").asText(), job.toString());
          rebuilds++;
        }
        Thread.sleep(REBUILD_EVERY_MILLIS);
      } finally {
        done.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
      }
      double seconds = (System.nanoTime() - soakStarted) / 1e9;

      assertTrue(problems.isEmpty(), problems.size() + " failed answers, first: " + problems.peek());
      assertEquals(String.format("gen-%06d", rebuilds + 1), live.search.status().generation());
      assertTrue(during.size() >= rebuilds, "searches ran during the rebuilds: " + during.size());
      assertEquals(List.of(), removedButMapped(index), "files of removed generations still mapped");
      System.out.printf("soak: %.0f s, %d searches (%.0f/s) from %d threads, 0 failures; %d rebuilds, longest %d ms%n"
          + "  latency ms  during rebuilds: %s%n  latency ms between rebuilds: %s%n",
          seconds, during.size() + between.size(), (during.size() + between.size()) / seconds, THREADS,
          rebuilds, TimeUnit.NANOSECONDS.toMillis(longestRebuild), percentiles(during), percentiles(between));
    }
  }

  static HttpResponse<String> search(LiveServer live, String q) throws Exception {
    return live.send(live.request("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
        .timeout(Duration.ofSeconds(10)).GET());
  }

  static JsonNode rebuild(LiveServer live) throws Exception {
    HttpResponse<String> started = live.send(live.request("/api/index/rebuild?corpus=configured")
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(202, started.statusCode(), started.body());
    String id = live.json(started.body()).get("id").asText();
    for (int i = 0; i < 1200; i++) {
      JsonNode job = live.json(live.send(live.request("/api/index/jobs/" + id)
          .header("Authorization", "Bearer " + TOKEN).GET()).body());
      if (job.get("state").asText().equals("SUCCEEDED") || job.get("state").asText().equals("FAILED")) {
        return job;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("rebuild " + id + " did not finish in 30 s");
  }

  /** Files under the index folder that were deleted but are still mapped by this JVM (Linux; empty elsewhere). */
  static List<String> removedButMapped(Path index) throws Exception {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return List.of();
    }
    String folder = index.toAbsolutePath().toString();
    return Files.readAllLines(maps).stream().filter(l -> l.contains(folder) && l.endsWith("(deleted)")).toList();
  }

  static String percentiles(Queue<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return "none";
    }
    StringBuilder s = new StringBuilder(sorted.length + " searches,");
    for (double p : new double[] {50, 90, 99}) {
      int at = Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1);
      s.append(String.format(" p%.0f %.1f", p, sorted[at] / 1e6));
    }
    return s.append(String.format(" max %.1f", sorted[sorted.length - 1] / 1e6)).toString();
  }
}
