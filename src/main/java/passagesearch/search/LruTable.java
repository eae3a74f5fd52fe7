package passagesearch.search;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values worked out from keys, kept so that a key seen recently costs a look-up instead of the work: least
 * recently used first out, bounded in entries, and keeping only the keys {@code keepable} allows (a caller
 * bounds an entry's size that way). A table may also be bounded in weight, each value kept with its own (the
 * answer cache weighs answers by their estimated bytes): the least recently used go until both bounds hold.
 * Strictly LRU, so a map in access order under one lock: a look-up is a hash probe and two pointer moves, a few
 * hundred nanoseconds.
 *
 * <p>A table may keep a value only when its key is seen a second time ({@code onSecondSight}): until then the
 * key's hash alone is remembered, among as many as the table holds values: a few dozen bytes a key, whatever
 * the key holds (a search request may carry 8 KB of words and filters, which the weight of a kept answer counts
 * but nothing would count in a key merely remembered). Two keys of one hash count as one, so the second may be
 * kept on its first sight: harmless, and rare. For values that are cheap to work out and large to keep, in a
 * stream of keys that mostly never recur (distinct questions), keeping every one would only promote
 * short-lived objects to the old generation and add collections.
 *
 * <p>The values handed out are shared: no caller may change one. Two threads missing the same key at once both
 * do the work, and the one that finishes last is kept; the values must be equal.
 *
 * @param <K> a key with value equality
 * @param <V> a value, never null
 */
final class LruTable<K, V> {
  private record Kept<V>(V value, long weight) {}

  private final int maxEntries;
  private final long maxWeight;
  private final CacheCounters counters;
  private final Predicate<? super K> keepable;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<K, Kept<V>> kept = new LinkedHashMap<>(64, 0.75f, true);
  /**
   * The hashes of keys seen once and not kept, first seen first (a key seen again leaves it); null when values are
   * kept at once.
   */
  private final LinkedHashSet<Integer> seen;
  /** The weight of the values kept. */
  private long weight;

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
    this(maxEntries, Long.MAX_VALUE, counters, keepable, onSecondSight);
  }

  /**
   * A table bounded in weight as well, whose values are kept with {@link #put} and found with {@link #find}.
   *
   * @param maxWeight the most the values kept may weigh together
   */
  LruTable(int maxEntries, long maxWeight, CacheCounters counters, boolean onSecondSight) {
    this(maxEntries, maxWeight, counters, key -> true, onSecondSight);
  }

  private LruTable(int maxEntries, long maxWeight, CacheCounters counters, Predicate<? super K> keepable,
      boolean onSecondSight) {
    this.maxEntries = maxEntries;
    this.maxWeight = maxWeight;
    this.counters = counters;
    this.keepable = keepable;
    this.seen = onSecondSight ? new LinkedHashSet<>() : null;
  }

  /** The key's value: the one kept, now the most recently used, or {@code compute}'s, kept if allowed. */
  V get(K key, Function<? super K, ? extends V> compute) {
    V value = find(key);
    if (value != null) {
      return value;
    }
    value = compute.apply(key);
    if (keepable.test(key)) {
      put(key, value, 0);
    }
    return value;
  }

  /** The value kept for the key, now the most recently used, or null; a look-up counted as a hit or a miss. */
  V find(K key) {
    Kept<V> found;
    lock.lock();
    try {
      found = kept.get(key);
    } finally {
      lock.unlock();
    }
    (found == null ? counters.misses : counters.hits).increment();
    return found == null ? null : found.value();
  }

  /**
   * Keeps the key's value, weighing {@code weight} (0 in a table bounded in entries alone), dropping the least
   * recently used until both bounds hold; a value heavier than the whole bound is not kept. In a table that keeps
   * on second sight, a key's first value is not kept: the key is remembered.
   */
  void put(K key, V value, long weight) {
    if (maxEntries == 0 || weight > maxWeight) {
      return;
    }
    int evicted = 0;
    int hash = seen == null ? 0 : key.hashCode(); // a request's hash reads all its words: once, outside the lock
    lock.lock();
    try {
      if (seen != null && !seen.remove(hash)) {
        seen.add(hash);
        if (seen.size() > maxEntries) {
          seen.removeFirst();
        }
        return;
      }
      Kept<V> previous = kept.put(key, new Kept<>(value, weight));
      this.weight += weight - (previous == null ? 0 : previous.weight());
      var eldest = kept.values().iterator();
      while ((kept.size() > maxEntries || this.weight > maxWeight) && eldest.hasNext()) {
        this.weight -= eldest.next().weight();
        eldest.remove();
        evicted++;
      }
    } finally {
      lock.unlock();
    }
    counters.evictions.add(evicted);
  }

  /** The weight of the values kept now. */
  long weight() {
    lock.lock();
    try {
      return weight;
    } finally {
      lock.unlock();
    }
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

  /** The counts (over every table that shares the counters) with this table's size and bound. */
  KeptTableStats stats() {
    return new KeptTableStats(counters.hits.sum(), counters.misses.sum(), counters.evictions.sum(), size(), maxEntries);
  }
}
