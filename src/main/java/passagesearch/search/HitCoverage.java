package passagesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import passagesearch.query.Concept;

/**
 * Which of the query's concepts a hit mentions, how, and which it does not.
 *
 * @param matched the concepts it mentions, in the query's order, each with how: {@code word} (its words as
 *     typed), {@code synonym} (a synonym, another name of the drug, a spelling variant), {@code tag} (the
 *     concept's tag, found in other words: "anti-CD52" for Campath); and each concept it does not mention
 *     but whose class it carries, {@code class}, with that class
 * @param missing the concepts it does not mention, in the query's order
 * @param byMeaning true when it was found by meaning alone, mentioning none of the concepts (absent otherwise)
 */
public record HitCoverage(List<Match> matched, List<String> missing, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean byMeaning) {
  public HitCoverage {
    matched = List.copyOf(matched);
    missing = List.copyOf(missing);
  }

  /**
   * How a hit relates to one concept.
   *
   * @param concept the concept as the reader reads it
   * @param by {@code word}, {@code synonym}, {@code tag} or {@code class}
   * @param via for {@code class}, the class it carries (absent otherwise)
   */
  public record Match(String concept, String by, @JsonInclude(JsonInclude.Include.NON_NULL) String via) {}

  /**
   * The report of one hit's coverage of these concepts.
   *
   * @param label a tag's label, from its id
   */
  public static HitCoverage of(List<Concept> concepts, Coverage coverage, UnaryOperator<String> label) {
    List<Match> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < concepts.size(); i++) {
      Concept c = concepts.get(i);
      Coverage.Way way = coverage.ways().get(i);
      if (way.mentions()) {
        matched.add(new Match(c.text(), way.name().toLowerCase(java.util.Locale.ROOT), null));
      } else {
        missing.add(c.text());
        if (way == Coverage.Way.CLASS) {
          matched.add(new Match(c.text(), "class", c.classes().isEmpty() ? null : label.apply(c.classes().get(0))));
        }
      }
    }
    return new HitCoverage(matched, missing, coverage.byMeaningOnly() ? Boolean.TRUE : null);
  }
}
