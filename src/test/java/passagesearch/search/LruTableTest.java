package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A table that keeps a value only when its key is seen again (the vectors' table keeps at once: KeptVectorsTest). */
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
}
