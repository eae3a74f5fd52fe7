package passagesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A page of ranked hits, with facet counts over every hit (not just this page).
 *
 * @param query the query as received
 * @param corrected the query searched instead, when a word was misspelt (absent otherwise)
 * @param total how many passages match (near-duplicates folded among the best hits are not counted)
 * @param tookMillis time spent in the search, milliseconds
 * @param coverage the query's concepts and, when no passage mentions them all, a message saying so (absent
 *     when the query has no concepts, or the engine does not say)
 * @param hits this page of hits
 * @param facets counts per tag and per source over all matches, largest first
 * @param generation the index generation that answered (one search never mixes two)
 * @param understood how the query was understood (with {@code explain=true} only)
 * @param partial true when the search ran out of its time limit and answers with the hits found so far
 *     (absent otherwise)
 */
public record SearchResponse(
    String query,
    @JsonInclude(JsonInclude.Include.NON_NULL) String corrected,
    long total,
    @JsonProperty("took_ms") double tookMillis,
    @JsonInclude(JsonInclude.Include.NON_NULL) QueryCoverage coverage,
    List<SearchHit> hits,
    Map<String, Map<String, Integer>> facets,
    String generation,
    @JsonInclude(JsonInclude.Include.NON_NULL) QueryUnderstanding understood,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean partial) {

  /** The same answer given again, with the time this answer took (from {@code started}, nanoTime). */
  SearchResponse tookNow(long started) {
    return new SearchResponse(query, corrected, total, millisSince(started), coverage, hits, facets, generation, understood, partial);
  }

  /** Milliseconds since {@code started} ({@link System#nanoTime()}), to two decimals: {@code took_ms}. */
  static double millisSince(long started) {
    return Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
  }
}
