package passagesearch.search;

import java.util.LinkedHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Vectors the model made of texts, kept so that a text it read recently costs a look-up instead of a model
 * run (about a millisecond of a core for a sentence, three to four for a query). Least recently used first
 * out, bounded in entries and in the length of a text kept: a longer text is encoded but not kept, so the
 * table holds at most {@code maxEntries} times ({@code maxChars} characters and one vector).
 *
 * <p>The vectors handed out are shared: no caller may change one. Two threads missing the same text at
 * once both run the model, and the one that finishes last is kept; the vectors are equal.
 */
final class KeptVectors {
  private final int maxEntries;
  private final int maxChars;
  private final CacheCounters counters;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<String, float[]> kept = new LinkedHashMap<>(64, 0.75f, true);

  /**
   * @param maxEntries the most texts kept
   * @param maxChars the longest text kept
   * @param counters where look-ups count as hits or misses, and drops as evictions
   */
  KeptVectors(int maxEntries, int maxChars, CacheCounters counters) {
    this.maxEntries = maxEntries;
    this.maxChars = maxChars;
    this.counters = counters;
  }

  /** The text's vector: the one kept, now the most recently used, or {@code encode}'s, kept if short enough. */
  float[] get(String text, Function<String, float[]> encode) {
    float[] vector;
    lock.lock();
    try {
      vector = kept.get(text);
    } finally {
      lock.unlock();
    }
    if (vector != null) {
      counters.hits.increment();
      return vector;
    }
    counters.misses.increment();
    vector = encode.apply(text);
    if (text.length() <= maxChars && maxEntries > 0) {
      keep(text, vector);
    }
    return vector;
  }

  private void keep(String text, float[] vector) {
    int evicted = 0;
    lock.lock();
    try {
      kept.put(text, vector);
      var eldest = kept.entrySet().iterator();
      while (kept.size() > maxEntries && eldest.hasNext()) {
        eldest.next();
        eldest.remove();
        evicted++;
      }
    } finally {
      lock.unlock();
    }
    counters.evictions.add(evicted);
  }

  /** The texts kept now. */
  int size() {
    lock.lock();
    try {
      return kept.size();
    } finally {
      lock.unlock();
    }
  }

  /** Characters of the texts kept, for the bound's tests. */
  int keptChars() {
    lock.lock();
    try {
      return kept.keySet().stream().mapToInt(String::length).sum();
    } finally {
      lock.unlock();
    }
  }

  /** The texts kept, least recently used first: for tests. */
  java.util.List<String> texts() {
    lock.lock();
    try {
      return java.util.List.copyOf(kept.keySet());
    } finally {
      lock.unlock();
    }
  }

  /** The counts (over every table that shares the counters) with this table's size and bound. */
  VectorCacheStats stats() {
    return new VectorCacheStats(counters.hits.sum(), counters.misses.sum(), counters.evictions.sum(), size(), maxEntries);
  }
}
