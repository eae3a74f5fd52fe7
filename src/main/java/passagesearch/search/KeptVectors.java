package passagesearch.search;

import java.util.List;
import java.util.function.Function;

/**
 * Vectors the model made of texts, kept so that a text it read recently costs a look-up instead of a model
 * run (about a millisecond of a core for a sentence, three to four for a query). Least recently used first
 * out, bounded in entries and in the length of a text kept: a text over {@link #MAX_CHARS} characters is
 * encoded but not kept, so an entry holds at most 1.6 KB of vector (384 floats) and 2 KB of text.
 *
 * <p>The vectors handed out are shared: no caller may change one. Two threads missing the same text at
 * once both run the model, and the one that finishes last is kept; the vectors are equal.
 */
final class KeptVectors {
  /** The longest text whose vector is kept. */
  static final int MAX_CHARS = 1_000;

  private final LruTable<String, float[]> kept;

  /**
   * @param maxEntries the most texts kept
   * @param counters where look-ups count as hits or misses, and drops as evictions
   */
  KeptVectors(int maxEntries, CacheCounters counters) {
    this.kept = new LruTable<>(maxEntries, counters, text -> text.length() <= MAX_CHARS);
  }

  /** The text's vector: the one kept, now the most recently used, or {@code encode}'s, kept if short enough. */
  float[] get(String text, Function<String, float[]> encode) {
    return kept.get(text, encode);
  }

  /** The texts kept now. */
  int size() {
    return kept.size();
  }

  /** Characters of the texts kept, for the bound's tests. */
  int keptChars() {
    return kept.keys().stream().mapToInt(String::length).sum();
  }

  /** The texts kept, least recently used first: for tests. */
  List<String> texts() {
    return kept.keys();
  }

  /** The counts (over every table that shares the counters) with this table's size and bound. */
  KeptTableStats stats() {
    return kept.stats();
  }
}
