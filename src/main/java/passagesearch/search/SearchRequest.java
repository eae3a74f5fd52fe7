package passagesearch.search;

import java.util.List;

/**
 * What a client asks for; the bounds of every value are checked here, once, whoever builds it (HTTP, the
 * command line, an evaluation run). What depends on the served generation (known tags and sources, the
 * configured {@code query.maxLength}) is checked when it is searched.
 *
 * @param query the words typed, in the simple query syntax (quotes for phrases, -word to exclude); required, at
 *     most {@link #MAX_QUERY_LENGTH} characters
 * @param limit hits per page, 1 to {@link #MAX_LIMIT}
 * @param offset hits to skip, 0 to {@link #MAX_OFFSET}
 * @param tags every one of these tags must be on a hit; a set-aside tag here brings that material back; at most
 *     {@link #MAX_VALUES} of at most {@link #MAX_VALUE_LENGTH} characters
 * @param sources a hit must come from one of these documents (all when empty); bounded as {@code tags}
 * @param explain add how the query was understood and why each hit scored as it did
 */
public record SearchRequest(
    String query, int limit, int offset, List<String> tags, List<String> sources, boolean explain) {
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 50;
  public static final int MAX_OFFSET = 1000;
  /** The most any generation accepts; its {@code query.maxLength} may allow less. */
  public static final int MAX_QUERY_LENGTH = 2000;
  /** How many {@code tag} values, and how many {@code source} values, one request may give. */
  public static final int MAX_VALUES = 20;
  /** The longest {@code tag} or {@code source} value: a document id is at most this long. */
  public static final int MAX_VALUE_LENGTH = 300;

  public SearchRequest {
    Require.text("q", query, MAX_QUERY_LENGTH, "the words to search for, e.g. blinatumomab side effects");
    Require.between("limit", limit, 1, MAX_LIMIT);
    Require.between("offset", offset, 0, MAX_OFFSET);
    tags = Require.values("tag", tags, MAX_VALUES, MAX_VALUE_LENGTH);
    sources = Require.values("source", sources, MAX_VALUES, MAX_VALUE_LENGTH);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, DEFAULT_LIMIT, 0, List.of(), List.of(), false);
  }
}
