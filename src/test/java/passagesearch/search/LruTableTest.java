package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A table that keeps a value only when its key is seen again (the vectors' table keeps at once: KeptVectorsTest), and
 * one bounded in weight (the answer cache's: ResultCacheTest).
 */
class LruTableTest {
  final List<String> worked = new ArrayList<>();
  final Function<String, String> work = key -> {
    worked.add(key);
    return key.toUpperCase(java.util.Locale.ROOT);
  };

  @Test
  void aKeySeenOnceIsRememberedNotKeptAndKeptWhenSeenAgain() {
    CacheCounters counts = new CacheCounters();
    LruTable<String, String> table = new LruTable<>(4, counts, key -> true, true);
    assertEquals("A", table.get("a", work));
    assertEquals(List.of(), table.keys(), "seen once: nothing kept");
    table.get("a", work);
    assertEquals(List.of("a"), table.keys(), "seen twice: kept");
    table.get("a", work);
    assertEquals(List.of("a", "a"), worked, "the third time is a look-up");
    assertEquals(1, counts.hits.sum());
    assertEquals(2, counts.misses.sum());
  }

  @Test
  void aKeySeenOnceIsRememberedByItsHashNotHeld() throws InterruptedException {
    LruTable<String, String> table = new LruTable<>(4, new CacheCounters(), key -> true, true);
    String large = "words and filters ".repeat(400); // about a request's most: 7,200 characters
    WeakReference<String> seenOnce = new WeakReference<>(new String(large));
    table.get(seenOnce.get(), key -> "worked out"); // not `work`, which keeps its keys
    for (int i = 0; i < 50 && seenOnce.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(seenOnce.get(), "the table holds no reference to a key it only remembers");
    table.get(new String(large), key -> "worked out");
    assertEquals(1, table.size(), "an equal key seen again is known by its hash, and kept");
  }

  @Test
  void theKeysRememberedAreBoundedLikeTheValues() {
    LruTable<String, String> table = new LruTable<>(2, new CacheCounters(), key -> true, true);
    table.get("a", work);
    table.get("b", work);
    table.get("c", work); // "a" is forgotten: the table remembers as many keys as it keeps values
    table.get("a", work);
    assertEquals(List.of(), table.keys(), "a was seen once again, not twice");
    table.get("c", work);
    assertEquals(List.of("c"), table.keys());
  }

  @Test
  void aKeyTheTableMayNotKeepIsWorkedOutEveryTime() {
    LruTable<String, String> table = new LruTable<>(4, new CacheCounters(), key -> key.length() < 3, true);
    for (int i = 0; i < 3; i++) {
      table.get("long", work);
    }
    assertEquals(List.of("long", "long", "long"), worked);
    assertEquals(List.of(), table.keys());
  }

  @Test
  void aWeighedTableDropsTheLeastRecentlyUsedUntilItsWeightFits() {
    CacheCounters counts = new CacheCounters();
    LruTable<String, String> table = new LruTable<>(10, 100, counts, false);
    table.put("a", "A", 40);
    table.put("b", "B", 40);
    assertEquals("A", table.find("a")); // "b" is now the least recently used
    table.put("c", "C", 30);
    assertEquals(List.of("a", "c"), table.keys(), "b went: 110 is over the bound");
    assertEquals(70, table.weight());
    table.put("a", "A", 60);
    assertEquals(90, table.weight(), "a value kept again replaces its weight");
    table.put("d", "D", 101);
    assertEquals(List.of("c", "a"), table.keys(), "a value heavier than the whole bound is not kept");
    assertEquals(null, table.find("b"));
    assertEquals(new KeptTableStats(1, 1, 1, 2, 10), table.stats());
  }

  @Test
  void aWeighedTableHoldsNoMoreEntriesThanItsBound() {
    LruTable<String, String> table = new LruTable<>(2, Long.MAX_VALUE, new CacheCounters(), false);
    for (String key : List.of("a", "b", "c")) {
      table.put(key, key, 1);
    }
    assertEquals(List.of("b", "c"), table.keys());
    assertEquals(2, table.weight());
  }
}
