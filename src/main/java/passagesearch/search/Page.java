package passagesearch.search;

/**
 * Which page of a listing (the sources, or a document's passages) is asked for, its values checked here.
 *
 * @param offset entries to skip, 0 to {@link #MAX_OFFSET}
 * @param limit entries on the page, 1 to {@link #MAX_LIMIT}
 */
public record Page(int offset, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 1_000_000;

  public Page {
    Require.between("offset", offset, 0, MAX_OFFSET);
    Require.between("limit", limit, 1, MAX_LIMIT);
  }

  /** The page after this one, or null when it is past the listing's {@code total} or past what may be asked for. */
  public Page next(int total) {
    long after = (long) offset + limit;
    return after < total && after <= MAX_OFFSET ? new Page((int) after, limit) : null;
  }
}
