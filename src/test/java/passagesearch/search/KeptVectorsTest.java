package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The vectors kept: a text read again costs no model run, and what is kept stays within its bounds. */
class KeptVectorsTest {
  final List<String> encoded = new ArrayList<>();
  /** A stand-in for the model: each text's length and first letter, and a record of what it was asked. */
  final Function<String, float[]> model = text -> {
    encoded.add(text);
    return new float[] {text.length(), text.charAt(0)};
  };

  @Test
  void aTextReadAgainIsALookUpAndCountsAsAHit() {
    CacheCounters counts = new CacheCounters();
    KeptVectors kept = new KeptVectors(4, counts);
    float[] first = kept.get("aml treatment", model);
    assertSame(first, kept.get("aml treatment", model), "the kept vector, not a new run");
    assertArrayEquals(new float[] {13, 'a'}, first);
    assertEquals(List.of("aml treatment"), encoded, "the model ran once");
    assertEquals(new KeptTableStats(1, 1, 0, 1, 4), kept.stats());
  }

  @Test
  void theLeastRecentlyUsedTextGoesFirstWhenFull() {
    CacheCounters counts = new CacheCounters();
    KeptVectors kept = new KeptVectors(2, counts);
    kept.get("a", model);
    kept.get("b", model);
    kept.get("a", model); // "b" is now the least recently used
    kept.get("c", model);
    assertEquals(List.of("a", "c"), kept.texts());
    kept.get("b", model);
    assertEquals(List.of("a", "b", "c", "b"), encoded, "b was dropped, so read again");
    assertEquals(2, counts.evictions.sum());
    assertEquals(2, kept.size());
  }

  @Test
  void aTextOverTheBoundIsEncodedButNotKept() {
    KeptVectors kept = new KeptVectors(8, new CacheCounters());
    String longer = "x".repeat(KeptVectors.MAX_CHARS + 1);
    kept.get(longer, model);
    kept.get(longer, model);
    kept.get("x".repeat(KeptVectors.MAX_CHARS), model);
    assertEquals(List.of("x".repeat(KeptVectors.MAX_CHARS)), kept.texts());
    assertEquals(3, encoded.size(), "the long text was read twice");
    assertEquals(KeptVectors.MAX_CHARS, kept.keptChars());
  }

  @Test
  void aTableOfNoneKeepsNothing() {
    KeptVectors none = new KeptVectors(0, new CacheCounters());
    none.get("a", model);
    none.get("a", model);
    assertEquals(List.of("a", "a"), encoded, "every search runs the model");
    assertEquals(new KeptTableStats(0, 2, 0, 0, 0), none.stats());
  }

  @Test
  void countersAreSharedAcrossTables() {
    CacheCounters counts = new CacheCounters();
    KeptVectors older = new KeptVectors(4, counts);
    older.get("a", model);
    KeptVectors newer = new KeptVectors(4, counts);
    newer.get("a", model);
    newer.get("a", model);
    assertEquals(new KeptTableStats(1, 2, 0, 1, 4), newer.stats(), "counts run on; sizes are the table's");
  }
}
