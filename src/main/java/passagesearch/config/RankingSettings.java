package passagesearch.config;

/**
 * Every parameter that shapes a score or a snippet ({@code ranking.yaml}).
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param textWeight query weight of the passage text
 * @param headingsWeight query weight of the headings above the passage
 * @param titleWeight query weight of the document title
 * @param snippetPassages sentences shown per hit
 * @param snippetMaxLength characters a snippet may have
 * @param maxQueryLength longest query accepted, in characters
 */
public record RankingSettings(
    float k1,
    float b,
    float textWeight,
    float headingsWeight,
    float titleWeight,
    int snippetPassages,
    int snippetMaxLength,
    int maxQueryLength) {

  public RankingSettings {
    ConfigException.check(k1 >= 0 && Float.isFinite(k1), "ranking.yaml: bm25.k1 must be a non-negative number");
    ConfigException.check(b >= 0 && b <= 1, "ranking.yaml: bm25.b must be between 0 and 1");
    ConfigException.check(textWeight > 0, "ranking.yaml: fields.text must be positive");
    ConfigException.check(headingsWeight >= 0 && titleWeight >= 0, "ranking.yaml: field weights must not be negative");
    ConfigException.check(snippetPassages > 0, "ranking.yaml: snippet.maxPassages must be positive");
    ConfigException.check(snippetMaxLength > 20, "ranking.yaml: snippet.maxLength must be above 20");
    ConfigException.check(maxQueryLength > 0, "ranking.yaml: query.maxLength must be positive");
  }

  public static RankingSettings defaults() {
    return new RankingSettings(1.2f, 0.75f, 1.0f, 0.6f, 0.2f, 2, 320, 500);
  }
}
