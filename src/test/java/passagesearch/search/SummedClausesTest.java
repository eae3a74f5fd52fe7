package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.config.IndexConfig;
import passagesearch.config.RankingSettings;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;
import passagesearch.query.ParsedQuery;
import passagesearch.query.QueryParser;

/**
 * The words query adds the exact words and their synonym expansion as one flat disjunction: every seed
 * passage matches as it did when the two were separate clauses, with the same score, and a word that is
 * in both is searched once.
 */
class SummedClausesTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();
  static OpenIndex index;
  static RankingSettings ranking;
  static QueryFactory factory;

  @BeforeAll
  static void open() {
    IndexConfig config = SEED.config();
    index = SEED.index();
    ranking = config.ranking();
    factory = new QueryFactory(index.analyzer(), index.expandingAnalyzer(), ranking, Set.of());
  }

  static final String[] QUERIES = {"blinatumomab side effects", "bone marrow transplant", "chemo hair loss",
      "stem cell transplant recovery", "can I have children after treatment", "ALL prognosis", "Gleevec",
      "\"side effects\" imatinib", "leukemia tiredness", "CAR-T cell therapy", "remission"};

  @Test
  void everyPassageScoresAsTheTwoClausesDid() throws IOException {
    IndexSearcher searcher = index.searcher();
    for (String typed : QUERIES) {
      ParsedQuery query = QueryParser.parse(typed);
      Query summed = factory.words(query);
      Map<Integer, Float> before = scores(searcher, separate(query));
      Map<Integer, Float> after = scores(searcher, summed);
      assertFalse(before.isEmpty(), typed);
      assertEquals(before.keySet(), after.keySet(), typed);
      before.forEach((doc, score) -> assertEquals(score, after.get(doc), score * 1e-5f, typed + " doc " + doc));
    }
  }

  @Test
  void aWordInBothIsSearchedOnce() {
    Query summed = factory.words(QueryParser.parse("chemo side effects"));
    List<Query> leaves = new ArrayList<>();
    for (var clause : ((BooleanQuery) summed).clauses()) {
      assertEquals(Occur.SHOULD, clause.occur());
      Query leaf = clause.query() instanceof BoostQuery b ? b.getQuery() : clause.query();
      assertFalse(leaves.contains(leaf), "searched twice: " + leaf);
      leaves.add(leaf);
    }
    Query separate = separate(QueryParser.parse("chemo side effects"));
    assertTrue(leaves.size() < count(separate), summed + " against " + separate);
  }

  @Test
  void anExclusionKeepsTheTwoClauses() {
    Query words = factory.words(QueryParser.parse("transplant -donor"));
    assertTrue(((BooleanQuery) words).clauses().stream().anyMatch(c -> c.occur() == Occur.MUST_NOT), words.toString());
  }

  /** The words query as it was built before the two were summed. */
  private static Query separate(ParsedQuery query) {
    Map<String, Float> weights = Map.of(Fields.TEXT, ranking.textWeight(), Fields.HEADINGS, ranking.headingsWeight(),
        Fields.TITLE, ranking.titleWeight());
    Query exact = new QueryTranslator(index.analyzer(), weights, ranking.combinedFields()).translate(query);
    Query expanded = new QueryTranslator.CombinedFields(index.expandingAnalyzer(), weights).words(query.wordsOutsidePhrases());
    return new BooleanQuery.Builder().add(exact, Occur.SHOULD)
        .add(new BoostQuery(expanded, ranking.synonymWeight()), Occur.SHOULD).build();
  }

  private static int count(Query q) {
    if (q instanceof BoostQuery b) {
      return count(b.getQuery());
    }
    if (q instanceof BooleanQuery bq) {
      return bq.clauses().stream().mapToInt(c -> count(c.query())).sum();
    }
    return 1;
  }

  private static Map<Integer, Float> scores(IndexSearcher searcher, Query q) throws IOException {
    Map<Integer, Float> out = new HashMap<>();
    for (ScoreDoc d : searcher.search(q, 100_000).scoreDocs) {
      out.put(d.doc, d.score);
    }
    return out;
  }
}
