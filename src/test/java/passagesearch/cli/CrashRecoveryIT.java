package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.index.IndexStore;
import passagesearch.search.SearchRequest;
import passagesearch.search.SearchService;

/**
 * A process killed in the middle of a rebuild leaves the serving generation untouched. Each kill follows
 * a signal seen from outside (a file the rebuild writes appearing), never a sleep of a guessed length.
 */
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

  /**
   * Where in a rebuild a kill lands, each seen from outside as the child's files in the new generation's
   * folder appear: the folder made, Lucene's writer open, a segment flushed, the segment committed, the
   * sources' text written, the generation described (and being checked before it is published).
   */
  record Stage(String name, Predicate<List<String>> seen) {}

  static final List<Stage> STAGES = List.of(
      new Stage("folder", files -> true),
      new Stage("writer", files -> files.contains("write.lock")),
      new Stage("segment", files -> files.stream().anyMatch(f -> f.startsWith("_"))),
      new Stage("commit", files -> files.stream().anyMatch(f -> f.startsWith("segments_"))),
      new Stage("sources", files -> files.contains("sources.offsets")),
      new Stage("described", files -> files.contains("generation.json")));

  @Test
  @Timeout(300)
  void killedAtEachStageOfRebuildsTwentyTimesTheIndexAlwaysServesACompleteGenerationWithTheSameResults()
      throws Exception {
    Path index = tmp.resolve("index20");
    IndexConfig config = TestSupport.loadConfig();
    IndexStore store = new IndexStore(index);
    store.build(new passagesearch.ingest.CorpusReader().read(TestSupport.corpus()), config);
    List<String> before;
    try (SearchService search = new SearchService(store.openCurrent(config))) {
      before = ids(search);
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "index",
        "--corpus", TestSupport.corpus().toString(), "--config", TestSupport.config().toString(),
        "--index", index.toString()));
    Map<String, Integer> interrupted = new TreeMap<>();
    int unpublished = 0;
    for (int round = 0; round < 20; round++) {
      Stage stage = STAGES.get(round % STAGES.size());
      String serving = store.current().orElseThrow().name();
      Set<Path> existing = generations(index);
      Process child = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      // Kill as soon as the stage is seen: a signal from the child, not a guess at how long it takes.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (child.isAlive() && !reached(stage, index, existing)) {
        assertTrue(System.nanoTime() < deadline, "round " + round + ": the rebuild never reached " + stage.name());
        Thread.sleep(1);
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(20, TimeUnit.SECONDS));
      if (store.current().orElseThrow().name().equals(serving)) {
        unpublished++;
        interrupted.merge(stage.name(), 1, Integer::sum);
      }
      // What start-up does: clear what the kill left, then serve the current generation.
      store.removeUnpublished();
      try (SearchService search = new SearchService(store.openCurrent(config))) {
        assertEquals(before, ids(search), "round " + round + ", killed at " + stage.name() + ", serving "
            + search.status().generation());
      }
    }
    System.out.printf("crash recovery: 20 kills, %d of them before the new generation was published %s%n",
        unpublished, interrupted);
    assertTrue(unpublished >= 10, "most kills should land before the rebuild publishes: " + interrupted);
  }

  /** Whether a generation folder that was not there before holds what the stage is seen by. */
  static boolean reached(Stage stage, Path index, Set<Path> existing) throws IOException {
    for (Path generation : generations(index)) {
      if (existing.contains(generation)) {
        continue;
      }
      try (Stream<Path> files = Files.list(generation)) {
        if (stage.seen().test(files.map(f -> f.getFileName().toString()).toList())) {
          return true;
        }
      } catch (NoSuchFileException | NotDirectoryException gone) {
        // removed or not yet a folder: not seen this time
      }
    }
    return false;
  }

  static Set<Path> generations(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return Set.of();
    }
    try (Stream<Path> entries = Files.list(index)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("gen-")).collect(Collectors.toSet());
    }
  }

  static List<String> ids(SearchService search) {
    return search.search(new SearchRequest("blinatumomab side effects", 10, 0, List.of(), List.of(), false)).hits()
        .stream().map(passagesearch.search.SearchHit::id).toList();
  }
}
