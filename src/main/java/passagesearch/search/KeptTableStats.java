package passagesearch.search;

/**
 * What one table of kept work ({@link KeptTable}) holds and how often it spared the work, for {@code /metrics}:
 * the counts are the process's since it started, over every generation served; the sizes are the table's now.
 *
 * @param hits look-ups that found the work kept
 * @param misses look-ups that did the work (a key too long to keep, or seen for the first time, among them)
 * @param evictions entries dropped, least recently used first, to keep within the bound
 * @param entries entries kept now
 * @param maxEntries the most kept
 */
public record KeptTableStats(long hits, long misses, long evictions, long entries, long maxEntries) {
  /** A table the engine does not keep. */
  public static final KeptTableStats NONE = new KeptTableStats(0, 0, 0, 0, 0);
}
