package passagesearch.search;

/**
 * What is being served.
 *
 * @param generation the generation's name
 * @param builtAt when its build finished (ISO-8601)
 * @param buildMillis how long the build took
 * @param documents sources in it
 * @param passages passages in it
 * @param corpusFingerprint hash of the corpus it was built from
 * @param configFingerprint hash of the index configuration it was built with
 * @param published the generation the index folder's {@code CURRENT} names now (null when none): another
 *     than {@code generation} when another process published one since, which a restart would serve
 * @param stale true when {@code published} is not the generation being served
 * @param retrieval how searches are answered now: by words and meaning, or by words alone and why
 */
public record IndexStatus(
    String generation,
    String builtAt,
    long buildMillis,
    int documents,
    int passages,
    String corpusFingerprint,
    String configFingerprint,
    String published,
    boolean stale,
    Retrieval retrieval) {

  /**
   * How searches are answered.
   *
   * @param mode {@code hybrid} (words and meaning) or {@code lexical} (words alone)
   * @param reason why not hybrid, in words for a person; null when hybrid
   * @param vectorModel the model the generation's passage vectors come from; null when it has none
   * @param model the embedding model's state in this process: off, loading, ready or unavailable
   */
  public record Retrieval(String mode, String reason, String vectorModel, String model) {}
}
