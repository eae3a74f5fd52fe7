package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.index.IndexStore;
import passagesearch.search.SearchRequest;
import passagesearch.search.SearchService;

/** A process killed in the middle of a rebuild leaves the serving generation untouched. */
class CrashRecoveryIT {
  @TempDir Path tmp;

  @Test
  @Timeout(120)
  void aRebuildKilledMidwayLeavesTheLastGoodGenerationServed() throws Exception {
    Path index = tmp.resolve("index");
    IndexConfig config = TestSupport.loadConfig();
    IndexStore store = new IndexStore(index);
    store.build(new passagesearch.ingest.CorpusReader().read(TestSupport.corpus()), config);

    Path big = tmp.resolve("big");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 6000; i++) {
      lines.append("{\"_id\": \"d").append(i).append("\", \"title\": \"Document ").append(i)
          .append("\", \"text\": \"Imatinib and dasatinib are tyrosine kinase inhibitors. This is document ")
          .append(i).append(" of a corpus large enough that indexing it takes a while, so it can be killed.\"}\n");
    }
    TestSupport.write(big.resolve("big.jsonl"), lines.toString());

    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "index",
        "--corpus", big.toString(), "--config", TestSupport.config().toString(), "--index", index.toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile()).start();
    Path halfBuilt = index.resolve("gen-000002");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.isDirectory(halfBuilt) && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(child.isAlive(), "the rebuild finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));
    child.destroyForcibly();
    assertTrue(child.waitFor(20, TimeUnit.SECONDS));

    assertEquals("gen-000001", store.current().orElseThrow().name(), "CURRENT still names the last good generation");
    store.removeUnpublished();
    assertFalse(Files.exists(halfBuilt), "the half-built generation is removed at start-up");
    try (SearchService search = new SearchService(store.openCurrent(config))) {
      assertEquals(store.current().orElseThrow().passages(), search.status().passages());
      assertFalse(search.search(SearchRequest.of("blinatumomab")).hits().isEmpty());
    }
  }

  @Test
  @Timeout(300)
  void killedAtRandomPointsOfRebuildsTwentyTimesTheIndexAlwaysServesACompleteGenerationWithTheSameResults()
      throws Exception {
    Path index = tmp.resolve("index20");
    IndexConfig config = TestSupport.loadConfig();
    IndexStore store = new IndexStore(index);
    store.build(new passagesearch.ingest.CorpusReader().read(TestSupport.corpus()), config);
    List<String> before;
    try (SearchService search = new SearchService(store.openCurrent(config))) {
      before = ids(search);
    }
    java.util.Random random = new java.util.Random(20261124L);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "index",
        "--corpus", TestSupport.corpus().toString(), "--config", TestSupport.config().toString(),
        "--index", index.toString()));
    int killedMidway = 0;
    for (int round = 0; round < 20; round++) {
      Process child = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Thread.sleep(300 + random.nextInt(3000));
      if (child.isAlive()) {
        killedMidway++;
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(20, TimeUnit.SECONDS));
      // What start-up does: clear what the kill left, then serve the current generation.
      store.removeUnpublished();
      try (SearchService search = new SearchService(store.openCurrent(config))) {
        assertEquals(before, ids(search), "round " + round + ", serving " + search.status().generation());
      }
    }
    System.out.printf("crash recovery: 20 kills, %d of them while the child was still running%n", killedMidway);
    assertTrue(killedMidway >= 5, "most kills should land while the child runs: " + killedMidway);
  }

  static List<String> ids(SearchService search) {
    return search.search(new SearchRequest("blinatumomab side effects", 10, 0, List.of(), List.of(), false)).hits()
        .stream().map(passagesearch.search.SearchHit::id).toList();
  }
}
