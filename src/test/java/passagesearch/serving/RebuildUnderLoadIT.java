package passagesearch.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.search.SearchHit;
import passagesearch.search.SearchRequest;
import passagesearch.search.SearchResponse;
import passagesearch.search.SearchService;

/**
 * Searches from several threads while the index is rebuilt again and again: every search succeeds, and
 * every answer comes wholly from one generation. Each rebuild's corpus carries its own edition mark, so
 * a hit from another generation would show.
 */
class RebuildUnderLoadIT {
  static final int REBUILDS = 6;
  static final int THREADS = 4;

  @TempDir Path tmp;

  static void writeEdition(Path corpus, int edition) {
    for (int d = 0; d < 3; d++) {
      StringBuilder text = new StringBuilder("Edition page " + d + "\n\n");
      for (int p = 0; p < 4; p++) {
        text.append("Section ").append(p).append("\n\nImatinib is a tyrosine kinase inhibitor used in chronic myeloid ")
            .append("leukaemia, and this paragraph belongs to edition").append(edition).append(" of page ").append(d)
            .append(", part ").append(p).append(", written so that every passage names its edition.\n\n");
      }
      TestSupport.write(corpus.resolve("page-" + d + ".txt"), text.toString());
    }
  }

  @Test
  void searchesNeverFailNorMixGenerationsWhileTheIndexIsRebuilt() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path index = tmp.resolve("index");
    writeEdition(corpus, 0);
    try (SearchService search = TestSupport.searchService(corpus, index);
        IndexManager manager = new IndexManager(corpus, TestSupport.config(), null, index, search,
            TestSupport.vectorCache())) {
      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger searches = new AtomicInteger();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      for (int t = 0; t < THREADS; t++) {
        pool.execute(() -> {
          while (!done.get()) {
            try {
              SearchResponse r = search.search(new SearchRequest("imatinib edition", 20, 0, List.of(), List.of(), false));
              int edition = Integer.parseInt(r.generation().substring("gen-".length())) - 1;
              for (SearchHit hit : r.hits()) {
                if (!hit.text().contains("edition" + edition + " ")) {
                  problems.add(r.generation() + " answered with " + hit.id() + ": " + hit.text());
                }
              }
              if (r.hits().isEmpty()) {
                problems.add(r.generation() + " found nothing");
              }
              searches.incrementAndGet();
            } catch (RuntimeException e) {
              problems.add("search failed: " + e);
            }
          }
        });
      }
      for (int edition = 1; edition <= REBUILDS; edition++) {
        writeEdition(corpus, edition);
        String job = manager.rebuild().id();
        RebuildJob finished = waitFor(manager, job);
        assertEquals(RebuildJob.State.SUCCEEDED, finished.state(), finished.message());
      }
      done.set(true);
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
      assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + problems.peek());
      assertEquals("gen-00000" + (REBUILDS + 1), search.status().generation());
      assertTrue(searches.get() > REBUILDS * THREADS, "searches ran during the rebuilds: " + searches.get());
      System.out.printf("rebuild under load: %d searches, %d rebuilds, 0 failures%n", searches.get(), REBUILDS);
    }
  }

  static RebuildJob waitFor(IndexManager manager, String id) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      RebuildJob job = manager.job(id).orElseThrow();
      if (job.state() == RebuildJob.State.SUCCEEDED || job.state() == RebuildJob.State.FAILED) {
        return job;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("rebuild " + id + " did not finish");
  }
}
