package passagesearch.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Queries and graded judgments: for each query id, the relevant targets (passage or document ids) and
 * their grades (1 marginal, 2 relevant, 3 answers it). Anything not listed is not relevant.
 */
public record JudgedSet(String name, List<JudgedQuery> queries, Map<String, Map<String, Integer>> judgments) {
  public JudgedSet {
    queries = List.copyOf(queries);
    judgments = Map.copyOf(judgments);
  }

  /**
   * The queries of one split ({@code all}: every one). A split no query belongs to is an error naming the
   * splits there are, not an empty set whose means would be nothing.
   */
  public JudgedSet split(String split) {
    if (split == null || split.equals("all")) {
      return this;
    }
    List<JudgedQuery> chosen = queries.stream().filter(q -> q.split().equals(split)).toList();
    if (chosen.isEmpty()) {
      Set<String> known = new TreeSet<>(queries.stream().map(JudgedQuery::split).toList());
      known.add("all");
      throw new IllegalArgumentException(name + " has no query in split '" + split + "'; choose one of "
          + String.join(", ", known));
    }
    return new JudgedSet(name + " (" + split + ")", chosen, judgments);
  }
}
