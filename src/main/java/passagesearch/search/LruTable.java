package passagesearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values worked out from keys, kept so that a key seen recently costs a look-up instead of the work: least
 * recently used first out, bounded in entries, and keeping only the keys {@code keepable} allows (a caller
 * bounds an entry's size that way). Strictly LRU, so a map in access order under one lock: a look-up is a hash
 * probe and two pointer moves.
 *
 * <p>A table may keep a value only when its key is seen a second time ({@code onSecondSight}): until then the
 * key alone is remembered, among as many as the table holds values. For values that are cheap to work out
 * and large to keep, in a stream of keys that mostly never recur (distinct questions), keeping every one would
 * only promote short-lived objects to the old generation and add collections.
 *
 * <p>The values handed out are shared: no caller may change one. Two threads missing the same key at once both
 * do the work, and the one that finishes last is kept; the values must be equal.
 *
 * @param <K> a key with value equality
 * @param <V> a value, never null
 */
final class LruTable<K, V> {
  private final int maxEntries;
  private final CacheCounters counters;
  private final Predicate<? super K> keepable;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<K, V> kept = new LinkedHashMap<>(64, 0.75f, true);
  /** Keys seen once and not kept, first seen first (a key seen again leaves it); null when values are kept at once. */
  private final LinkedHashMap<K, Boolean> seen;

  /**
   * @param maxEntries the most keys kept; 0 keeps none
   * @param counters where look-ups count as hits or misses, and drops as evictions
   * @param keepable whether a key's value may be kept (one that may not is worked out every time)
   */
  LruTable(int maxEntries, CacheCounters counters, Predicate<? super K> keepable) {
    this(maxEntries, counters, keepable, false);
  }

  /**
   * @param onSecondSight whether a value is kept only when its key is seen again (see the class comment)
   */
  LruTable(int maxEntries, CacheCounters counters, Predicate<? super K> keepable, boolean onSecondSight) {
    this.maxEntries = maxEntries;
    this.counters = counters;
    this.keepable = keepable;
    this.seen = onSecondSight ? new LinkedHashMap<>() : null;
  }

  /** The key's value: the one kept, now the most recently used, or {@code compute}'s, kept if allowed. */
  V get(K key, Function<? super K, ? extends V> compute) {
    V value;
    lock.lock();
    try {
      value = kept.get(key);
    } finally {
      lock.unlock();
    }
    if (value != null) {
      counters.hits.increment();
      return value;
    }
    counters.misses.increment();
    value = compute.apply(key);
    if (maxEntries > 0 && keepable.test(key)) {
      keep(key, value);
    }
    return value;
  }

  private void keep(K key, V value) {
    int evicted = 0;
    lock.lock();
    try {
      if (seen != null && seen.remove(key) == null) {
        seen.put(key, Boolean.TRUE);
        if (seen.size() > maxEntries) {
          seen.pollFirstEntry();
        }
        return;
      }
      kept.put(key, value);
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

  /** The keys kept, least recently used first. */
  List<K> keys() {
    lock.lock();
    try {
      return List.copyOf(kept.keySet());
    } finally {
      lock.unlock();
    }
  }

  /** How many keys are kept now. */
  int size() {
    lock.lock();
    try {
      return kept.size();
    } finally {
      lock.unlock();
    }
  }

  int maxEntries() {
    return maxEntries;
  }
}
