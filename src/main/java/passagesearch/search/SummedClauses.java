package passagesearch.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Two weighted disjunctions added as one. A disjunction of optional clauses scores a passage by the sum of
 * the clauses it matches, so {@code a + w·b} is one disjunction of their leaves, each weighed by the sum of
 * its weights in {@code a} and {@code b}: the same passages match with the same scores (up to float
 * rounding), and a leaf found in both, a query word that is also in its own synonym expansion, has its
 * postings walked once, not twice. Only pure disjunctions (optional clauses, boosts, no minimum to match)
 * are merged; anything else (an exclusion, a required clause, a multi-word synonym read as required words)
 * is left to the caller's own shape.
 */
final class SummedClauses {
  private SummedClauses() {}

  /** {@code wa·a + wb·b} as one flat disjunction, or empty when either is not a pure disjunction. */
  static Optional<Query> of(Query a, float wa, Query b, float wb) {
    Map<Query, Float> leaves = new LinkedHashMap<>();
    if (!flatten(a, wa, leaves) || !flatten(b, wb, leaves) || leaves.size() > IndexSearcher.getMaxClauseCount()) {
      return Optional.empty();
    }
    BooleanQuery.Builder sum = new BooleanQuery.Builder();
    leaves.forEach((leaf, weight) -> sum.add(weight == 1f ? leaf : new BoostQuery(leaf, weight), Occur.SHOULD));
    return Optional.of(sum.build());
  }

  private static boolean flatten(Query q, float weight, Map<Query, Float> leaves) {
    if (q instanceof BoostQuery boosted) {
      return flatten(boosted.getQuery(), weight * boosted.getBoost(), leaves);
    }
    if (q instanceof BooleanQuery bool) {
      if (bool.getMinimumNumberShouldMatch() > 0) {
        return false;
      }
      for (BooleanClause c : bool.clauses()) {
        if (c.occur() != Occur.SHOULD || !flatten(c.query(), weight, leaves)) {
          return false;
        }
      }
      return true;
    }
    leaves.merge(q, weight, Float::sum);
    return true;
  }
}
