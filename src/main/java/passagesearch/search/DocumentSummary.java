package passagesearch.search;

import java.util.Map;

/**
 * A source as the catalogue lists it.
 *
 * @param source the document and what it states about itself
 * @param passages how many passages it gave (set-aside ones included)
 * @param tags passages per tag, largest first
 */
public record DocumentSummary(SourceRef source, int passages, Map<String, Integer> tags) {}
