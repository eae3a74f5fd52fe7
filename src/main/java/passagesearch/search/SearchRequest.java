package passagesearch.search;

import java.util.List;

/**
 * What a client asks for.
 *
 * @param query the words typed, in the simple query syntax (quotes for phrases, -word to exclude)
 * @param limit hits per page, 1 to {@link #MAX_LIMIT}
 * @param offset hits to skip, 0 to {@link #MAX_OFFSET}
 * @param tags every one of these tags must be on a hit; a set-aside tag here brings that material back
 * @param sources a hit must come from one of these documents (all when empty)
 * @param explain add how the query was understood and why each hit scored as it did
 */
public record SearchRequest(
    String query, int limit, int offset, List<String> tags, List<String> sources, boolean explain) {
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 50;
  public static final int MAX_OFFSET = 1000;

  public SearchRequest {
    tags = List.copyOf(tags);
    sources = List.copyOf(sources);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, DEFAULT_LIMIT, 0, List.of(), List.of(), false);
  }
}
