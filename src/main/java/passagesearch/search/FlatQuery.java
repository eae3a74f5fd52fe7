package passagesearch.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * A query with its nested disjunctions flattened and its one-clause Boolean queries unwrapped, in one pass
 * from the leaves up. Lucene's rewrite makes the same two changes, one level per pass over the whole query,
 * and a search's query (words, synonyms, their fields) nests three or four levels deep: flattened as it is
 * built, the rewrite walks it once and finds nothing to change there. Both changes keep every score: a
 * disjunction inside a disjunction sums the same clauses, and a lone optional or required clause scores as
 * itself.
 */
final class FlatQuery {
  private FlatQuery() {}

  static Query of(Query query) {
    if (query instanceof BoostQuery boosted) {
      Query inner = of(boosted.getQuery());
      return inner == boosted.getQuery() ? query : new BoostQuery(inner, boosted.getBoost());
    }
    if (!(query instanceof BooleanQuery bool)) {
      return query;
    }
    int minShould = bool.getMinimumNumberShouldMatch();
    List<BooleanClause> clauses = new ArrayList<>(bool.clauses().size());
    boolean changed = false;
    for (BooleanClause c : bool.clauses()) {
      Query sub = of(c.query());
      if (c.occur() == Occur.SHOULD && minShould <= 1 && sub instanceof BooleanQuery inner && pureDisjunction(inner)) {
        clauses.addAll(inner.clauses());
        changed = true;
      } else {
        clauses.add(sub == c.query() ? c : new BooleanClause(sub, c.occur()));
        changed |= sub != c.query();
      }
    }
    if (clauses.size() == 1 && lone(clauses.get(0).occur(), minShould)) {
      return clauses.get(0).query();
    }
    if (!changed) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minShould);
    clauses.forEach(b::add);
    return b.build();
  }

  /** Optional clauses only, none required to match: adds its clauses' scores as its parent would. */
  private static boolean pureDisjunction(BooleanQuery q) {
    return q.getMinimumNumberShouldMatch() == 0 && q.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD);
  }

  /** Whether a Boolean query of one clause so placed scores and matches as the clause alone. */
  private static boolean lone(Occur occur, int minShould) {
    return minShould == 0 ? occur == Occur.SHOULD || occur == Occur.MUST : minShould == 1 && occur == Occur.SHOULD;
  }
}
