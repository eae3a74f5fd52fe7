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

  /**
   * @param maxEntries the most keys kept; 0 keeps none
   * @param counters where look-ups count as hits or misses, and drops as evictions
   * @param keepable whether a key's value may be kept (one that may not is worked out every time)
   */
  LruTable(int maxEntries, CacheCounters counters, Predicate<? super K> keepable) {
    this.maxEntries = maxEntries;
    this.counters = counters;
    this.keepable = keepable;
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
