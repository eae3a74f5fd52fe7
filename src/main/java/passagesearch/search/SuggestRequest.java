package passagesearch.search;

/**
 * Completions asked for by a search box, its values checked here.
 *
 * @param prefix what has been typed so far (the {@code q} parameter), 1 to {@link #MAX_PREFIX_LENGTH} characters
 * @param limit how many completions, 1 to {@link #MAX_LIMIT}
 */
public record SuggestRequest(String prefix, int limit) {
  public static final int DEFAULT_LIMIT = 8;
  public static final int MAX_LIMIT = 20;
  public static final int MAX_PREFIX_LENGTH = 100;

  public SuggestRequest {
    Require.text("q", prefix, MAX_PREFIX_LENGTH, "the start of a word, e.g. blin");
    Require.between("limit", limit, 1, MAX_LIMIT);
  }
}
