package passagesearch.config;

/**
 * Everything in {@code index-config/}, validated.
 *
 * @param fingerprint a hash of every file in the folder; an index built with another fingerprint is stale
 */
public record IndexConfig(
    SplitSettings split,
    BoilerplateRules boilerplate,
    TagVocabulary tags,
    RankingSettings ranking,
    String fingerprint) {}
