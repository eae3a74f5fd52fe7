package passagesearch.search;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;

/**
 * Lucene's query cache, its look-ups and evictions counted in counters that outlive it ({@link CacheCounters}):
 * Lucene's own counts are the instance's, and each generation has its own cache. A look-up is of one query in
 * one segment; an entry is a query whose matches are kept in some segment.
 */
final class CountedQueryCache extends LRUQueryCache {
  private final CacheCounters counters;
  private final int maxQueries;
  private final AtomicLong queries = new AtomicLong();

  /**
   * @param maxQueries the most queries whose matches are kept
   * @param maxBytes the most bytes they may hold
   * @param leaves the segments whose matches may be kept
   */
  CountedQueryCache(int maxQueries, long maxBytes, Predicate<LeafReaderContext> leaves, CacheCounters counters) {
    super(maxQueries, maxBytes, leaves, Float.POSITIVE_INFINITY);
    this.maxQueries = maxQueries;
    this.counters = counters;
  }

  @Override
  protected void onHit(Object readerCoreKey, Query query) {
    super.onHit(readerCoreKey, query);
    counters.hits.increment();
  }

  @Override
  protected void onMiss(Object readerCoreKey, Query query) {
    super.onMiss(readerCoreKey, query);
    counters.misses.increment();
  }

  @Override
  protected void onQueryCache(Query query, long ramBytesUsed) {
    super.onQueryCache(query, ramBytesUsed);
    queries.incrementAndGet();
  }

  @Override
  protected void onQueryEviction(Query query, long ramBytesUsed) {
    super.onQueryEviction(query, ramBytesUsed);
    queries.decrementAndGet();
    counters.evictions.increment();
  }

  @Override
  protected void onClear() {
    super.onClear();
    queries.set(0);
  }

  /** The counts, with the queries kept now and the bound. */
  KeptTableStats stats() {
    return new KeptTableStats(counters.hits.sum(), counters.misses.sum(), counters.evictions.sum(), queries.get(),
        maxQueries);
  }
}
