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

  private static ScoreExplanation of(Explanation e, int depth) {
    List<ScoreExplanation> children = depth >= MAX_DEPTH
        ? List.of()
        : Arrays.stream(e.getDetails()).map(d -> of(d, depth + 1)).toList();
    return new ScoreExplanation(e.getValue().floatValue(), e.getDescription(), children);
  }
}
