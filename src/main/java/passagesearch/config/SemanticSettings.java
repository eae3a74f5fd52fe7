package passagesearch.config;

/**
 * Semantic retrieval ({@code semantic.yaml}): whether passages get sentence-embedding vectors, from which
 * model, and how a search fuses the passages found by meaning with those found by words.
 *
 * <p>{@code enabled} and {@code model} shape the index (a change rebuilds it, the vectors coming from the
 * cache where the text is unchanged); the fusion parameters are read when searching.
 *
 * @param enabled compute passage vectors and search by meaning beside the words; off: the lightest process,
 *     lexical search only
 * @param model the embedding model's name (one the service ships, see the README)
 * @param weight share of the fused score that comes from meaning: {@code (1 - weight)} times the lexical
 *     score over the query's best lexical score, plus {@code weight} times the passage's similarity rescaled
 *     over the candidates ({@code 0} searches by words alone)
 * @param candidates how many passages, nearest by meaning, join the lexical matches
 * @param minSimilarity cosine similarity a passage needs to join by meaning: below it, nearest is not near
 * @param fullWeightWords how many content words a query needs for meaning to get its full weight; a shorter
 *     one gets that share of it: a question in sentences is read best by meaning, a few keywords (a drug's
 *     name, an acronym) by their words
 * @param keptQueries how many queries' vectors a generation keeps, so a question asked again with another
 *     filter or page costs no model run (0: every search runs the model; at most {@link #MAX_KEPT_QUERIES})
 */
public record SemanticSettings(boolean enabled, String model, float weight, int candidates, float minSimilarity,
    int fullWeightWords, int keptQueries) {
  /** The most query vectors kept: each up to about 3.6 KB of heap (vector and text), so at most about 15 MB. */
  public static final int MAX_KEPT_QUERIES = 4_096;
  /** Query vectors kept when {@code semantic.yaml} does not say. */
  public static final int KEPT_QUERIES = 1_024;

  public SemanticSettings {
    ConfigException.check(model != null && model.matches("[A-Za-z0-9._-]{1,64}"),
        "semantic.yaml: model must be a model name such as bge-small-en-v1.5");
    ConfigException.check(weight >= 0 && weight <= 1, "semantic.yaml: fusion.weight must be from 0 to 1");
    ConfigException.check(candidates >= 1 && candidates <= 1000, "semantic.yaml: fusion.candidates must be from 1 to 1000");
    ConfigException.check(minSimilarity >= -1 && minSimilarity < 1,
        "semantic.yaml: fusion.minSimilarity must be from -1 to below 1");
    ConfigException.check(fullWeightWords >= 1 && fullWeightWords <= 100,
        "semantic.yaml: fusion.fullWeightWords must be from 1 to 100");
    ConfigException.check(keptQueries >= 0 && keptQueries <= MAX_KEPT_QUERIES,
        "semantic.yaml: keptQueries must be from 0 to " + MAX_KEPT_QUERIES);
  }

  /** The share of a query's fused score that comes from meaning, for a query of this many content words. */
  public float weightFor(int contentWords) {
    return weight * Math.min(1f, (float) contentWords / fullWeightWords);
  }

  /** Whether a query of this many words, as typed, is a few keywords rather than a question or a claim. */
  public boolean fewWords(int words) {
    return words < fullWeightWords;
  }

  /** What a configuration folder without {@code semantic.yaml} gets: lexical search only. */
  public static SemanticSettings off() {
    return new SemanticSettings(false, "bge-small-en-v1.5", 0, 50, 0.5f, 1, KEPT_QUERIES);
  }

  /** The part that shapes the index, for the configuration's fingerprint. */
  String indexPart() {
    return enabled ? "semantic:" + model : "semantic:off";
  }

  /** The same settings with semantic retrieval off (or on), for evaluation runs side by side. */
  public SemanticSettings withEnabled(boolean on) {
    return new SemanticSettings(on, model, weight, candidates, minSimilarity, fullWeightWords, keptQueries);
  }

  /** The same settings with another fusion weight (tuning runs). */
  public SemanticSettings withWeight(float w) {
    return new SemanticSettings(enabled, model, w, candidates, minSimilarity, fullWeightWords, keptQueries);
  }

  /** The same settings with another word count for the full weight (tuning runs). */
  public SemanticSettings withFullWeightWords(int words) {
    return new SemanticSettings(enabled, model, weight, candidates, minSimilarity, words, keptQueries);
  }

  /** The same settings with another candidate count and similarity floor (tuning runs). */
  public SemanticSettings withCandidates(int count, float floor) {
    return new SemanticSettings(enabled, model, weight, count, floor, fullWeightWords, keptQueries);
  }
}
