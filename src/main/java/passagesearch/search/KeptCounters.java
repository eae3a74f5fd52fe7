package passagesearch.search;

import java.util.EnumMap;
import java.util.Map;

/**
 * Hits, misses and evictions of each kept table ({@link KeptTable}): one set per table for the process, so the
 * counts go on rising across generations (each generation has tables of its own), as Prometheus counters must.
 */
final class KeptCounters {
  private final Map<KeptTable, CacheCounters> counters = new EnumMap<>(KeptTable.class);

  KeptCounters() {
    for (KeptTable table : KeptTable.values()) {
      counters.put(table, new CacheCounters());
    }
  }

  /** The table's counts. */
  CacheCounters of(KeptTable table) {
    return counters.get(table);
  }
}
