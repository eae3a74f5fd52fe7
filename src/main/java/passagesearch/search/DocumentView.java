package passagesearch.search;

import java.util.List;

/**
 * A source with a page of its passages in order.
 *
 * @param document the source; its {@code passages} is how many it has in all
 * @param passages the passages on this page
 */
public record DocumentView(DocumentSummary document, List<PassageSummary> passages) {}
