package passagesearch.search;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Answers to recent searches on one generation, so a repeated search (the popular questions) costs a
 * lookup. It lives and dies with its generation, so a rebuild can never serve a stale answer.
 *
 * <p>Bounded in answers and in the bytes they are estimated to hold on the heap ({@link AnswerBytes}), so a
 * flood of distinct 50-hit queries cannot fill the heap; when either bound is reached the least recently
 * used answers go first. Strictly LRU, so a map in access order under one lock: a look-up is a hash probe
 * and two pointer moves, a few hundred nanoseconds against the tens of microseconds of the rest of a cached
 * answer, with at most 16 requests in flight. (Caffeine was the alternative: its W-TinyLFU policy admits a
 * new answer only when it is asked for more often than the one it would replace, which is not LRU, and it
 * enforces its weight bound a little after the write that passes it.)
 *
 * <p>Answers cut short by the time limit, and answers with explanations (a debugging aid, and large), are
 * not kept; an explained request does not even look.
 */
final class ResultCache {
  /** An eighth of the production heap (128 MB), whatever the entry count: the most the answers may hold. */
  static final long MAX_BYTES = 16L << 20;

  private final int maxEntries;
  private final long maxBytes;
  private final CacheCounters counters;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<SearchRequest, Kept> answers = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  private record Kept(SearchResponse response, long bytes) {}

  ResultCache(int maxEntries, long maxBytes) {
    this(maxEntries, maxBytes, new CacheCounters());
  }

  ResultCache(int maxEntries, long maxBytes, CacheCounters counters) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.counters = counters;
  }

  /** The bound in bytes for a heap of {@code maxHeap} bytes: an eighth of it, at most {@link #MAX_BYTES}. */
  static long maxBytes(long maxHeap) {
    return Math.min(MAX_BYTES, maxHeap / 8);
  }

  /** Whether this request's answer may be kept: not with explanations, and not when the cache is off. */
  boolean keeps(SearchRequest request) {
    return maxEntries > 0 && !request.explain();
  }

  /** The answer kept for this request, now the most recently used, or null (a miss, when it may be kept). */
  SearchResponse get(SearchRequest request) {
    if (!keeps(request)) {
      return null;
    }
    Kept kept;
    lock.lock();
    try {
      kept = answers.get(request);
    } finally {
      lock.unlock();
    }
    (kept == null ? counters.misses : counters.hits).increment();
    return kept == null ? null : kept.response();
  }

  void put(SearchRequest request, SearchResponse response) {
    if (!keeps(request) || response.partial() != null) {
      return;
    }
    long size = AnswerBytes.of(request, response);
    if (size > maxBytes / 8) {
      return;
    }
    int evicted = 0;
    lock.lock();
    try {
      Kept previous = answers.put(request, new Kept(response, size));
      bytes += size - (previous == null ? 0 : previous.bytes());
      Iterator<Map.Entry<SearchRequest, Kept>> eldest = answers.entrySet().iterator();
      while ((answers.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
        Kept gone = eldest.next().getValue();
        eldest.remove();
        bytes -= gone.bytes();
        evicted++;
      }
    } finally {
      lock.unlock();
    }
    counters.evictions.add(evicted);
  }

  /** The requests kept, least recently used first. */
  List<SearchRequest> keys() {
    lock.lock();
    try {
      return List.copyOf(answers.keySet());
    } finally {
      lock.unlock();
    }
  }

  /** The counts of the service, with this generation's sizes. */
  AnswerCacheStats stats() {
    lock.lock();
    try {
      return new AnswerCacheStats(counters.hits.sum(), counters.misses.sum(), counters.evictions.sum(), answers.size(),
          bytes, maxEntries, maxEntries == 0 ? 0 : maxBytes);
    } finally {
      lock.unlock();
    }
  }

  int size() {
    return (int) stats().entries();
  }

  /** The estimated bytes the kept answers hold. */
  long bytes() {
    return stats().bytes();
  }
}
