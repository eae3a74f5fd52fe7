package passagesearch.search;

/**
 * What the answer cache holds and how well it serves, for {@code /metrics}: the counts are the process's
 * since it started, over every generation served; the sizes are those of the generation served now.
 *
 * @param hits searches answered from the cache
 * @param misses searches that could have been answered from it and were not (explained searches never look)
 * @param evictions answers dropped, least recently used first, to keep within a bound
 * @param entries answers kept now
 * @param bytes their estimated size on the heap
 * @param maxEntries the bound in answers ({@code query.cacheEntries}; 0: no cache)
 * @param maxBytes the bound in estimated bytes
 */
public record AnswerCacheStats(long hits, long misses, long evictions, long entries, long bytes, long maxEntries,
    long maxBytes) {
  /** An engine that keeps no answers. */
  public static final AnswerCacheStats NONE = new AnswerCacheStats(0, 0, 0, 0, 0, 0, 0);
}
