package passagesearch.search;

import java.util.List;

/**
 * A page of the sources, in corpus order.
 *
 * @param documents the sources on this page
 * @param total how many sources the generation has
 */
public record DocumentList(List<DocumentSummary> documents, int total) {}
