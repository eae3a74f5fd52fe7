package passagesearch.search;

import java.util.List;

/**
 * How one passage relates to each of a query's concepts, in the concepts' order, and whether it was found
 * by meaning.
 *
 * @param ways for each concept, the first way the passage mentions it
 * @param byMeaning whether the passage is among those nearest the query in meaning
 */
public record Coverage(List<Way> ways, boolean byMeaning) {
  /** No concepts to cover. */
  public static final Coverage NONE = new Coverage(List.of(), false);

  /** How a passage mentions a concept, best first. */
  public enum Way {
    /** Its words as typed. */
    WORD,
    /** A synonym, another name of the drug, a spelling variant. */
    SYNONYM,
    /** Neither, but it carries the concept's tag (its words matched the tag's patterns: "anti-CD52" for Campath). */
    TAG,
    /** Not at all, but it carries the class of the drug the concept names (CAR T-cell therapy for tisagenlecleucel). */
    CLASS,
    /** Not at all. */
    NONE;

    /** Whether the passage mentions the concept this way. */
    public boolean mentions() {
      return this == WORD || this == SYNONYM || this == TAG;
    }
  }

  public Coverage {
    ways = List.copyOf(ways);
  }

  /** Whether it mentions every concept. */
  public boolean complete() {
    return ways.stream().allMatch(Way::mentions);
  }

  /** Whether it was found by meaning and mentions none of the concepts. */
  boolean byMeaningOnly() {
    return byMeaning && ways.stream().noneMatch(Way::mentions);
  }
}
