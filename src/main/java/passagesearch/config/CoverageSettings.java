package passagesearch.config;

/**
 * How a hit's score follows the query's concepts it mentions ({@code coverage} in {@code ranking.yaml}): a hit
 * that leaves one out is scored down, so of two hits with close scores the one that mentions more comes first,
 * and a drug the query names weighs more than a generic word.
 *
 * @param missingName the share of its score a hit loses for each concept it does not mention that names one
 *     thing (a drug, a product: a tag with brand names or a class)
 * @param classShare the part of that loss a hit keeps when it carries the thing's class instead (CAR T-cell
 *     therapy for tisagenlecleucel): 1 counts the class for nothing, 0 as the thing itself
 * @param missingOther the share of its score a hit loses when it mentions none of the query's other concepts
 *     (topics, treatments, phrases, words); in proportion to those it leaves out; nothing when it is among the
 *     passages nearest the query in meaning
 */
public record CoverageSettings(float missingName, float classShare, float missingOther) {
  /** Hits ranked by their scores alone. */
  public static final CoverageSettings OFF = new CoverageSettings(0f, 1f, 0f);

  public CoverageSettings {
    ConfigException.check(missingName >= 0 && missingName < 1, "ranking.yaml: coverage.missingName must be in [0, 1)");
    ConfigException.check(classShare >= 0 && classShare <= 1, "ranking.yaml: coverage.classShare must be in [0, 1]");
    ConfigException.check(missingOther >= 0 && missingOther < 1, "ranking.yaml: coverage.missingOther must be in [0, 1)");
  }
}
