package passagesearch.search;

import java.util.List;

/** A source with its passages in order. */
public record DocumentView(DocumentSummary document, List<PassageSummary> passages) {}
