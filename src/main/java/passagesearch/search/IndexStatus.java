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
    boolean stale) {}
