package passagesearch.search;

import java.util.List;

/**
 * Answers to recent searches on one generation, so a repeated search (the popular questions) costs a
 * lookup. It lives and dies with its generation, so a rebuild can never serve a stale answer.
 *
 * <p>Bounded in answers and in the bytes they are estimated to hold on the heap ({@link AnswerBytes}), so a
 * flood of distinct 50-hit queries cannot fill the heap; when either bound is reached the least recently
 * used answers go first ({@link LruTable}, each answer weighed by its bytes): a look-up costs a few hundred
 * nanoseconds against the tens of microseconds of the rest of a cached answer, with at most 16 requests in
 * flight. (Caffeine was the alternative: its W-TinyLFU policy admits a new answer only when it is asked for
 * more often than the one it would replace, which is not LRU, and it enforces its weight bound a little after
 * the write that passes it.)
 *
 * <p>Answers cut short by the time limit, and answers with explanations (a debugging aid, and large), are
 * not kept; an explained request does not even look.
 */
final class ResultCache {
  /** An eighth of the production heap (128 MB), whatever the entry count: the most the answers may hold. */
  static final long MAX_BYTES = 16L << 20;

  private final int maxEntries;
  private final long maxBytes;
  private final LruTable<SearchRequest, SearchResponse> answers;

  ResultCache(int maxEntries, long maxBytes) {
    this(maxEntries, maxBytes, new CacheCounters());
  }

  ResultCache(int maxEntries, long maxBytes, CacheCounters counters) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.answers = new LruTable<>(maxEntries, maxBytes, counters);
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
    return keeps(request) ? answers.find(request) : null;
  }

  /** Keeps a whole answer of at most an eighth of the bound in bytes. */
  void put(SearchRequest request, SearchResponse response) {
    if (!keeps(request) || response.partial() != null) {
      return;
    }
    long size = AnswerBytes.of(request, response);
    if (size <= maxBytes / 8) {
      answers.put(request, response, size);
    }
  }

  /** The requests kept, least recently used first. */
  List<SearchRequest> keys() {
    return answers.keys();
  }

  /** The counts of the service, with this generation's sizes. */
  AnswerCacheStats stats() {
    KeptTableStats table = answers.stats();
    return new AnswerCacheStats(table.hits(), table.misses(), table.evictions(), table.entries(), answers.weight(),
        maxEntries, maxEntries == 0 ? 0 : maxBytes);
  }

  int size() {
    return answers.size();
  }

  /** The estimated bytes the kept answers hold. */
  long bytes() {
    return answers.weight();
  }
}
