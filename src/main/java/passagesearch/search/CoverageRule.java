package passagesearch.search;

import java.util.List;
import passagesearch.config.CoverageSettings;
import passagesearch.query.Concept;

/**
 * The factor (at most 1) by which a hit's score is multiplied for the concepts of one query it leaves out
 * ({@link CoverageSettings}): for each concept that names one thing (a drug) and that the hit does not
 * mention, {@code 1 - missingName} (less of a loss when it carries the thing's class); for the other concepts,
 * {@code 1 - missingOther} times the share of them it does not mention, unless the hit is among those nearest
 * the query in meaning, which answer its words by meaning (a passage on infertility answers "can I have a
 * baby"). A named drug is never answered by meaning: a passage about a neighbouring drug is near in meaning.
 * A hit that mentions every concept keeps its score.
 */
record CoverageRule(CoverageSettings settings, List<Concept> concepts) {
  CoverageRule {
    concepts = List.copyOf(concepts);
  }

  float factor(Coverage coverage) {
    if (coverage.ways().size() != concepts.size()) {
      return 1f;
    }
    double factor = 1;
    int others = 0;
    int othersLeftOut = 0;
    for (int i = 0; i < concepts.size(); i++) {
      Coverage.Way way = coverage.ways().get(i);
      if (concepts.get(i).specific()) {
        if (!way.mentions()) {
          factor *= 1 - settings.missingName() * (way == Coverage.Way.CLASS ? settings.classShare() : 1);
        }
      } else {
        others++;
        othersLeftOut += way.mentions() ? 0 : 1;
      }
    }
    if (others > 0 && !coverage.byMeaning()) {
      factor *= 1 - settings.missingOther() * othersLeftOut / others;
    }
    return (float) factor;
  }
}
