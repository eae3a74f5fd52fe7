package passagesearch.http;

import java.util.List;
import passagesearch.search.DocumentSummary;
import passagesearch.search.Page;
import passagesearch.search.PassageSummary;

/**
 * The catalogue's listings as the API answers them, a page at a time: each says how many there are in all,
 * where the page starts, and the link to the next page (null on the last).
 */
final class CatalogPages {
  private CatalogPages() {}

  /** {@code GET /api/documents}. */
  record Documents(List<DocumentSummary> documents, int total, int offset, int limit, String next) {}

  /** {@code GET /api/documents/{id}}: {@code total} is the document's passage count. */
  record Document(DocumentSummary document, List<PassageSummary> passages, int total, int offset, int limit,
      String next) {}

  /** The page asked for in {@code offset} and {@code limit}; the page checks its own bounds. */
  static Page page(QueryParams p) {
    return new Page(p.integer("offset", 0), p.integer("limit", Page.DEFAULT_LIMIT));
  }

  /** The path of the page after this one, or null when this is the last one that can be asked for. */
  static String next(Page page, String path, int total) {
    Page next = page.next(total);
    return next == null ? null : path + "?offset=" + next.offset() + "&limit=" + next.limit();
  }
}
