package passagesearch.http;

import java.util.List;
import passagesearch.search.DocumentSummary;
import passagesearch.search.PassageSummary;

/**
 * The catalogue's listings as the API answers them, a page at a time: each says how many there are in all,
 * where the page starts, and the link to the next page (null on the last).
 */
final class CatalogPages {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;
  static final int MAX_OFFSET = 1_000_000;

  private CatalogPages() {}

  /** {@code GET /api/documents}. */
  record Documents(List<DocumentSummary> documents, int total, int offset, int limit, String next) {}

  /** {@code GET /api/documents/{id}}: {@code total} is the document's passage count. */
  record Document(DocumentSummary document, List<PassageSummary> passages, int total, int offset, int limit,
      String next) {}

  /** Where a page starts and how long it is, read from {@code offset} and {@code limit}. */
  record Window(int offset, int limit) {
    static Window of(QueryParams p) {
      return new Window(p.integer("offset", 0, 0, MAX_OFFSET), p.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    /** The path of the page after this one, or null when this is the last one that can be asked for. */
    String next(String path, int total) {
      long after = (long) offset + limit;
      return after < total && after <= MAX_OFFSET ? path + "?offset=" + after + "&limit=" + limit : null;
    }
  }
}
