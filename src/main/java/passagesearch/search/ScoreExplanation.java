package passagesearch.search;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.Explanation;

/** Why a hit scored as it did: Lucene's explanation, as a tree of values and descriptions. */
public record ScoreExplanation(float value, String description, List<ScoreExplanation> details) {
  private static final int MAX_DEPTH = 6;

  static ScoreExplanation of(Explanation e) {
    return of(e, 0);
  }

  /**
   * The same explanation with notes among its parts, each worth nothing: what the score rests on but does not
   * say itself, such as why the passage carries a tag its words do not name.
   */
  ScoreExplanation noting(List<String> notes) {
    if (notes.isEmpty()) {
      return this;
    }
    List<ScoreExplanation> parts = new java.util.ArrayList<>(details);
    notes.forEach(n -> parts.add(new ScoreExplanation(0f, n, List.of())));
    return new ScoreExplanation(value, description, parts);
  }

  private static ScoreExplanation of(Explanation e, int depth) {
    List<ScoreExplanation> children = depth >= MAX_DEPTH
        ? List.of()
        : Arrays.stream(e.getDetails()).map(d -> of(d, depth + 1)).toList();
    return new ScoreExplanation(e.getValue().floatValue(), e.getDescription(), children);
  }
}
