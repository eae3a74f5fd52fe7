package passagesearch.query;

import java.util.List;

/**
 * The tags a query names, found by the tag vocabulary in its words.
 *
 * @param named tags its words name
 * @param implied tags those imply (a drug's class)
 * @param excluded tags its excluded words name ({@code -Trisenox}): a passage with one is left out, as a
 *     passage with the word is, since the tag alone can make a passage match
 * @param specific the named tags that name one thing (a drug): lifted by their whole weight in any corpus;
 *     the others are topics (side effects, prognosis), weighed by how much the corpus uses their words
 * @param quoted the named tags named only inside quoted phrases: they lift the passages that match, but never
 *     make one match by the tag alone ({@code "minimal residual disease"} does not find "remission")
 */
public record Tags(List<String> named, List<String> implied, List<String> excluded, List<String> specific,
    List<String> quoted) {
  public static final Tags NONE = new Tags(List.of(), List.of(), List.of(), List.of(), List.of());

  public Tags {
    named = List.copyOf(named);
    implied = List.copyOf(implied);
    excluded = List.copyOf(excluded);
    specific = List.copyOf(specific);
    quoted = List.copyOf(quoted);
  }

  /** The named tags whose passages may match by the tag alone: those named outside quoted phrases. */
  public List<String> matchingAlone() {
    return named.stream().filter(t -> !quoted.contains(t)).toList();
  }
}
