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
 * <p>An answer is kept the second time its request is asked (within the last {@code maxEntries} requests not
 * kept), and found from the third. Keeping every answer made a stream of distinct questions, the long tail of
 * real traffic, a stream of answers kept only to be dropped, outliving young collections to be promoted and
 * collected in full ones: beside Solr, on lists that never came back within the cache's reach, the cache on
 * gave 0.71x to 0.80x of the searches per second of the cache off at 4 connections, and two to three times its
 * p99 (bench/results/solr-2026-12-07-trim.md). Kept on second sight, the same SciFact server (cache on, lists
 * that do not come back) answered 348 searches/s against 333, p99 36 ms against 47, with 4 or 5 full
 * collections in a minute against 7 or 8: what it does with the cache off (352/s, 35 ms). A popular question
 * costs one more search before it is kept.
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
    this.answers = new LruTable<>(maxEntries, maxBytes, counters, true);
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

  /**
   * Keeps a whole answer of at most an eighth of the bound in bytes, if its request was asked before: the first
   * time, the request alone is remembered.
   */
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
