package passagesearch.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A page of ranked hits, with facet counts over every hit (not just this page).
 *
 * @param query the query as received
 * @param total how many passages match
 * @param tookMillis time spent in the search, milliseconds
 * @param hits this page of hits
 * @param facets counts per tag and per source over all matches, largest first
 */
public record SearchResponse(
    String query,
    long total,
    @JsonProperty("took_ms") double tookMillis,
    List<SearchHit> hits,
    Map<String, Map<String, Integer>> facets) {}
