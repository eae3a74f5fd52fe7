package passagesearch.eval;

import java.util.List;
import java.util.Map;

/**
 * Queries and graded judgments: for each query id, the relevant targets (passage or document ids) and
 * their grades (1 marginal, 2 relevant, 3 answers it). Anything not listed is not relevant.
 */
public record JudgedSet(String name, List<JudgedQuery> queries, Map<String, Map<String, Integer>> judgments) {
  public JudgedSet {
    queries = List.copyOf(queries);
    judgments = Map.copyOf(judgments);
  }

  public JudgedSet split(String split) {
    if (split == null || split.equals("all")) {
      return this;
    }
    return new JudgedSet(name + " (" + split + ")", queries.stream().filter(q -> q.split().equals(split)).toList(),
        judgments);
  }
}
