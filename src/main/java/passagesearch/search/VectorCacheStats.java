package passagesearch.search;

/**
 * What the table of query vectors holds and how often it spared the model a run, for {@code /metrics}: the
 * counts are the process's since it started, over every generation served; the sizes are the table's now.
 *
 * @param hits queries whose vector was kept
 * @param misses queries the model read
 * @param evictions vectors dropped, least recently used first, to keep within the bound
 * @param entries vectors kept now
 * @param maxEntries the most kept
 */
public record VectorCacheStats(long hits, long misses, long evictions, long entries, long maxEntries) {
  /** An engine that reads no query for a meaning. */
  public static final VectorCacheStats NONE = new VectorCacheStats(0, 0, 0, 0, 0);
}
