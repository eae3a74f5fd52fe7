package passagesearch.search;

import java.util.concurrent.atomic.LongAdder;

/**
 * Hits, misses and evictions of a service's answer caches: one set for the process, so the counts go on
 * rising across generations (each generation has a cache of its own), as Prometheus counters must.
 */
final class CacheCounters {
  final LongAdder hits = new LongAdder();
  final LongAdder misses = new LongAdder();
  final LongAdder evictions = new LongAdder();
}
