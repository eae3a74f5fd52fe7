package passagesearch.search;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * A search's lexical query and the passages that joined it by meaning, before the lexical scores are
 * normalised: each is divided by the query's best lexical score, which the search's first collection finds
 * ({@link FusedCollection}). A search by words alone has no passages found by meaning.
 *
 * @param lexical the lexical query, filters included
 * @param mode how the search is answered
 * @param vector the query's vector; null when it has none
 * @param byMeaning the passages found by meaning, each with its similarity rescaled over the candidates; null
 *     when none joined
 * @param weight the share of the fused score that comes from meaning
 * @param reorderOnly whether meaning only reorders the lexical matches (a query written with search syntax,
 *     or naming a tag) rather than adding passages
 */
record Fusion(Query lexical, RetrievalMode mode, float[] vector, DocScoresQuery byMeaning, float weight,
    boolean reorderOnly) {
  /** A search by words alone, or one that found no passage near enough in meaning. */
  static Fusion words(Query lexical, RetrievalMode mode, float[] vector) {
    return new Fusion(lexical, mode, vector, null, 0, false);
  }

  boolean joinsByMeaning() {
    return byMeaning != null;
  }

  /**
   * Every match of the fused query, scored by its words alone: the passages found by meaning join it scoring
   * 0, so each match scores its lexical score (0 when found by meaning alone) and the best of them is the
   * normaliser.
   */
  Query unscaled() {
    return new BooleanQuery.Builder()
        .add(lexical, reorderOnly ? Occur.MUST : Occur.SHOULD)
        .add(byMeaning.unscored(), Occur.SHOULD)
        .build();
  }

  /** What a lexical score is multiplied by in the fused score, given the query's best. */
  float scale(float bestLexical) {
    return QueryMeaning.scale(weight, bestLexical);
  }

  /**
   * The query as searched: {@code (1 - weight)} times the lexical score over the query's best, plus
   * {@code weight} times the rescaled similarity. With no lexical score above 0 there is nothing to divide
   * by: the passages found by meaning alone, or, when meaning only reorders, the lexical matches as they are.
   */
  Semantic.Fused normalisedBy(float bestLexical) {
    if (byMeaning == null) {
      return new Semantic.Fused(lexical, mode, vector);
    }
    BooleanQuery.Builder fused = new BooleanQuery.Builder();
    if (bestLexical > 0) {
      fused.add(new BoostQuery(lexical, scale(bestLexical)), reorderOnly ? Occur.MUST : Occur.SHOULD);
    } else if (reorderOnly) {
      return new Semantic.Fused(lexical, mode, vector);
    }
    fused.add(new BoostQuery(byMeaning, weight), Occur.SHOULD);
    return new Semantic.Fused(fused.build(), mode, vector, byMeaning);
  }
}
