package passagesearch.search;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.search.Explanation;

/**
 * Why a hit scored as it did: the engine's explanation (Lucene's, or a cluster's, which is Lucene's sent as
 * JSON), as a tree of values and descriptions.
 */
public record ScoreExplanation(float value, String description, List<ScoreExplanation> details) {
  private static final int MAX_DEPTH = 6;

  static ScoreExplanation of(Explanation e) {
    return of(e, x -> x.getValue().floatValue(), Explanation::getDescription, x -> Arrays.asList(x.getDetails()));
  }

  /** An explanation read from any tree of parts, each with its value, description and parts, to the same depth. */
  public static <T> ScoreExplanation of(T root, Function<T, Float> value, Function<T, String> description,
      Function<T, List<T>> details) {
    return of(root, value, description, details, 0);
  }

  /**
   * The same explanation with notes among its parts, each worth nothing: what the score rests on but does not
   * say itself, such as why the passage carries a tag its words do not name.
   */
  public ScoreExplanation noting(List<String> notes) {
    if (notes.isEmpty()) {
      return this;
    }
    List<ScoreExplanation> parts = new java.util.ArrayList<>(details);
    notes.forEach(n -> parts.add(new ScoreExplanation(0f, n, List.of())));
    return new ScoreExplanation(value, description, parts);
  }

  private static <T> ScoreExplanation of(T e, Function<T, Float> value, Function<T, String> description,
      Function<T, List<T>> details, int depth) {
    List<ScoreExplanation> children = depth >= MAX_DEPTH
        ? List.of()
        : details.apply(e).stream().map(d -> of(d, value, description, details, depth + 1)).toList();
    return new ScoreExplanation(value.apply(e), description.apply(e), children);
  }
}
