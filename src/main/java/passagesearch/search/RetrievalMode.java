package passagesearch.search;

/**
 * How a search was answered, whichever engine answered it: {@code hybrid} (words and meaning) or
 * {@code lexical}, and why not hybrid. {@code /api/index} ({@link IndexStatus.Retrieval}) and {@code explain}
 * ({@link QueryUnderstanding}) say it.
 */
public record RetrievalMode(String name, String reason) {
  public static final String HYBRID = "hybrid";
  public static final String LEXICAL = "lexical";

  public static RetrievalMode hybrid() {
    return new RetrievalMode(HYBRID, null);
  }

  public static RetrievalMode lexical(String reason) {
    return new RetrievalMode(LEXICAL, reason);
  }

  public boolean isHybrid() {
    return HYBRID.equals(name);
  }
}
