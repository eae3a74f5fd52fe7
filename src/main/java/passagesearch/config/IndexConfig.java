package passagesearch.config;

/**
 * Everything in {@code index-config/}, validated.
 *
 * @param stubs what makes a passage a heading stub, scored down ({@code stub} in {@code passages.yaml})
 * @param semantic semantic retrieval: on or off, the model, the fusion ({@code semantic.yaml})
 * @param fingerprint a hash of the files that shape the index (all but the query-time ones: ranking.yaml,
 *     synonyms.txt, question-words.txt, and of semantic.yaml only whether it is on and its model); an index
 *     built with another fingerprint is stale
 */
public record IndexConfig(
    SplitSettings split,
    HeadingStubRule stubs,
    IngestLimits limits,
    BoilerplateRules boilerplate,
    TagVocabulary tags,
    Vocabulary vocabulary,
    RankingSettings ranking,
    SemanticSettings semantic,
    String fingerprint) {

  /** The same configuration with other ranking settings (for tuning runs). */
  public IndexConfig withRanking(RankingSettings newRanking) {
    return new IndexConfig(split, stubs, limits, boilerplate, tags, vocabulary, newRanking, semantic, fingerprint);
  }

  /** The same configuration with other semantic settings (evaluation runs, tuning). */
  public IndexConfig withSemantic(SemanticSettings newSemantic) {
    return new IndexConfig(split, stubs, limits, boilerplate, tags, vocabulary, ranking, newSemantic,
        fingerprintWith(folderFingerprint(), newSemantic));
  }

  /** The fingerprint of the folder's index-shaping files, without the semantic part. */
  private String folderFingerprint() {
    int plus = fingerprint.indexOf('+');
    return plus < 0 ? fingerprint : fingerprint.substring(0, plus);
  }

  /**
   * A folder's fingerprint with the semantic settings that shape an index: unchanged when semantic
   * retrieval is off, so an index built before it existed stays fresh.
   */
  static String fingerprintWith(String folder, SemanticSettings semantic) {
    return semantic.enabled() ? folder + "+" + semantic.indexPart() : folder;
  }
}
