package passagesearch.config;

/**
 * Everything in {@code index-config/}, validated.
 *
 * @param fingerprint a hash of the files that shape the index (all but the query-time ones: ranking.yaml,
 *     synonyms.txt, question-words.txt); an index built with another fingerprint is stale
 */
public record IndexConfig(
    SplitSettings split,
    IngestLimits limits,
    BoilerplateRules boilerplate,
    TagVocabulary tags,
    Vocabulary vocabulary,
    RankingSettings ranking,
    String fingerprint) {

  /** The same configuration with other ranking settings (for tuning runs). */
  public IndexConfig withRanking(RankingSettings newRanking) {
    return new IndexConfig(split, limits, boilerplate, tags, vocabulary, newRanking, fingerprint);
  }
}
