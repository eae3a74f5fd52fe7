package passagesearch.config;

/**
 * Every parameter that shapes a score, a correction or a snippet ({@code ranking.yaml}).
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param textWeight query weight of the passage text
 * @param headingsWeight query weight of the headings above the passage
 * @param titleWeight query weight of the document title
 * @param combinedFields whether the query's words are scored over text, headings and title as one field
 *     (BM25F: each field's occurrences counted by its weight, at least 1), not field by field
 * @param synonymWeight weight of the synonym-expanded query, added to the exact one
 * @param phraseWeight weight of the query's words standing close together
 * @param phraseSlop how far apart (positions) the words may stand and still count as close
 * @param tagWeight lift for passages with a tag the query names; a topic's is scaled by how many passages
 *     carry it
 * @param impliedTagWeight lift for passages with a tag implied by one the query names
 * @param sameSourceDecay score factor for each further hit from a source already shown
 * @param duplicateOverlap word-trigram overlap at which a hit is folded into a better one
 * @param window hits, at least, re-ranked for duplicates and diversity
 * @param headingStubFactor score factor for a passage that only restates its heading (1: none)
 * @param correctionMaxEdits edits a spelling correction may make
 * @param correctionMinLength shortest word that may be corrected
 * @param snippetPassages sentences shown per hit
 * @param snippetMaxLength characters a snippet may have
 * @param maxQueryLength longest query accepted, in characters
 * @param timeLimitMillis longest a search may take matching before it answers with what it found so far
 * @param cacheEntries answers kept per generation for repeated searches (0: none)
 * @param coverage how a hit's score follows the query's concepts it mentions
 */
public record RankingSettings(
    float k1,
    float b,
    float textWeight,
    float headingsWeight,
    float titleWeight,
    boolean combinedFields,
    float synonymWeight,
    float phraseWeight,
    int phraseSlop,
    float tagWeight,
    float impliedTagWeight,
    float sameSourceDecay,
    float duplicateOverlap,
    int window,
    float headingStubFactor,
    int correctionMaxEdits,
    int correctionMinLength,
    int snippetPassages,
    int snippetMaxLength,
    int maxQueryLength,
    int timeLimitMillis,
    int cacheEntries,
    CoverageSettings coverage) {

  public RankingSettings {
    ConfigException.check(k1 >= 0 && Float.isFinite(k1), "ranking.yaml: bm25.k1 must be a non-negative number");
    ConfigException.check(b >= 0 && b <= 1, "ranking.yaml: bm25.b must be between 0 and 1");
    ConfigException.check(textWeight > 0, "ranking.yaml: fields.text must be positive");
    ConfigException.check(headingsWeight >= 0 && titleWeight >= 0, "ranking.yaml: field weights must not be negative");
    ConfigException.check(synonymWeight >= 0 && phraseWeight >= 0 && tagWeight >= 0 && impliedTagWeight >= 0,
        "ranking.yaml: synonym, phrase and tag weights must not be negative");
    ConfigException.check(phraseSlop >= 0, "ranking.yaml: phrase.slop must not be negative");
    ConfigException.check(sameSourceDecay > 0 && sameSourceDecay <= 1, "ranking.yaml: results.sameSourceDecay must be in (0, 1]");
    ConfigException.check(duplicateOverlap > 0 && duplicateOverlap <= 1, "ranking.yaml: results.duplicateOverlap must be in (0, 1]");
    ConfigException.check(window >= 10 && window <= 1000, "ranking.yaml: results.window must be from 10 to 1000");
    ConfigException.check(headingStubFactor > 0 && headingStubFactor <= 1,
        "ranking.yaml: results.headingStubFactor must be in (0, 1]");
    ConfigException.check(correctionMaxEdits >= 0 && correctionMaxEdits <= 2, "ranking.yaml: spelling.maxEdits must be 0, 1 or 2");
    ConfigException.check(correctionMinLength >= 1, "ranking.yaml: spelling.minLength must be positive");
    ConfigException.check(snippetPassages > 0, "ranking.yaml: snippet.maxPassages must be positive");
    ConfigException.check(snippetMaxLength > 20, "ranking.yaml: snippet.maxLength must be above 20");
    ConfigException.check(maxQueryLength > 0, "ranking.yaml: query.maxLength must be positive");
    ConfigException.check(timeLimitMillis > 0, "ranking.yaml: query.timeLimitMillis must be positive");
    ConfigException.check(coverage != null, "ranking.yaml: coverage is missing");
    ConfigException.check(cacheEntries >= 0 && cacheEntries <= 100_000, "ranking.yaml: query.cacheEntries must be from 0 to 100000");
  }

  public static RankingSettings defaults() {
    return new RankingSettings(1.2f, 0.75f, 1.0f, 0.6f, 0.2f, false, 0.5f, 0.5f, 4, 0.6f, 0.3f, 0.85f, 0.8f, 50, 1f, 2, 4, 2, 320, 500, 1000, 0, CoverageSettings.OFF);
  }

  /** The same settings with no answer cache (benchmarks of the search path). */
  public RankingSettings withoutCache() {
    return new RankingSettings(k1, b, textWeight, headingsWeight, titleWeight, combinedFields, synonymWeight,
        phraseWeight, phraseSlop, tagWeight, impliedTagWeight, sameSourceDecay, duplicateOverlap, window, headingStubFactor, correctionMaxEdits,
        correctionMinLength, snippetPassages, snippetMaxLength, maxQueryLength, timeLimitMillis, 0, coverage);
  }

  /** The same settings with other BM25 parameters (for tuning runs). */
  public RankingSettings withBm25(float newK1, float newB) {
    return new RankingSettings(newK1, newB, textWeight, headingsWeight, titleWeight, combinedFields, synonymWeight,
        phraseWeight, phraseSlop, tagWeight, impliedTagWeight, sameSourceDecay, duplicateOverlap, window, headingStubFactor, correctionMaxEdits,
        correctionMinLength, snippetPassages, snippetMaxLength, maxQueryLength, timeLimitMillis, cacheEntries, coverage);
  }
}
