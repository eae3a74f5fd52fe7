package passagesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.query.QueryParser;

/** The one translator to OpenSearch's DSL: exact JSON for the shapes the Lucene twin is pinned on. */
class QueryDslTest {
  private static final IndexConfig CONFIG = TestSupport.loadConfig();

  private static String translated(IndexConfig config, String typed) {
    return QueryDsl.json(new QueryDsl(config).translate(QueryParser.parse(typed))).toString();
  }

  @Test
  void aWordIsScoredOverTheThreeFieldsAsOneWithTheirWeights() {
    // ranking.yaml's fields.combined: true, as the embedded engine's CombinedFieldQuery (BM25F).
    assertEquals("{\"combined_fields\":{\"query\":\"imatinib\",\"fields\":[\"text^1.0\",\"headings^1.0\",\"title^3.0\"]}}",
        translated(CONFIG, "imatinib"));
  }

  @Test
  void anExclusionAmongOptionalWordsExcludesForReal() {
    JsonNode q = QueryDsl.json(new QueryDsl(CONFIG).translate(QueryParser.parse("leukemia -child")));
    assertEquals(1, q.path("bool").path("should").size(), q.toString());
    assertTrue(q.path("bool").path("must_not").toString().contains("{\"combined_fields\":{\"query\":\"child\""), q.toString());
    assertTrue(q.path("bool").path("should").toString().contains("{\"combined_fields\":{\"query\":\"leukemia\""), q.toString());
  }

  @Test
  void operatorsJoinAsTypedLeftToRight() {
    JsonNode q = QueryDsl.json(new QueryDsl(CONFIG).translate(QueryParser.parse("a1 | b1 + c1")));
    JsonNode must = q.path("bool").path("must");
    assertEquals(2, must.size(), q.toString());
    assertEquals(2, must.get(0).path("bool").path("should").size(), q.toString()); // (a1 | b1)
    assertTrue(must.get(1).toString().contains("\"c1\""), q.toString());
  }

  @Test
  void phrasesPrefixesAndFuzzyWords() {
    assertTrue(translated(CONFIG, "\"stem cell\"~2").contains("{\"match_phrase\":{\"text\":{\"query\":\"stem cell\",\"slop\":2}}}"));
    assertTrue(translated(CONFIG, "Leuk*").contains("{\"prefix\":{\"text\":{\"value\":\"leuk\"}}}"));
    assertTrue(translated(CONFIG, "ALL*").contains("{\"prefix\":{\"text\":{\"value\":\"allacronym\"}}}"));
    assertTrue(translated(CONFIG, "imatanib~1").contains("{\"fuzzy\":{\"text\":{\"value\":\"imatanib\",\"fuzziness\":1}}}"));
  }

  @Test
  void onlyStopWordsSearchNothing() {
    assertEquals("{\"match_none\":{}}", translated(CONFIG, "the"));
  }

  @Test
  void theFullQueryFiltersPassagesAndLeavesSetAsideMaterialOut() {
    QueryDsl dsl = new QueryDsl(CONFIG);
    var meaning = QueryParser.parse("maintenance");
    String full = QueryDsl.json(dsl.full(meaning, dsl.words(meaning), List.of("all"), List.of("knowall-all-treatment"))).toString();
    assertTrue(full.contains("{\"term\":{\"kind\":\"passage\"}}"), full);
    assertTrue(full.contains("{\"term\":{\"tag\":\"all\"}}"), full);
    assertTrue(full.contains("{\"terms\":{\"source\":[\"knowall-all-treatment\"]}}"), full);
    assertTrue(full.contains("{\"term\":{\"tag\":\"disclaimer\"}}"), full);
    assertTrue(full.contains("\"analyzer\":\"passage_expanded\""), full);
    assertTrue(full.startsWith("{\"function_score\":{\"query\":{\"bool\":"), full);
    assertTrue(full.endsWith("\"functions\":[{\"filter\":{\"term\":{\"restates_heading\":true}},\"weight\":0.75}],"
        + "\"boost_mode\":\"multiply\"}}"), full);
  }

  @Test
  void aNamedTagMatchesAloneOnlyWhereThePassagesOwnWordsEarnItAndLiftsWhereverItIs() {
    QueryDsl dsl = new QueryDsl(CONFIG);
    var meaning = QueryParser.parse("Campath").withTags(new passagesearch.query.Tags(
        List.of("alemtuzumab"), List.of("immunotherapy"), List.of(), List.of("alemtuzumab"), List.of()));
    String full = QueryDsl.json(dsl.full(meaning, dsl.words(meaning), List.of(), List.of())).toString();
    assertTrue(full.contains("{\"bool\":{\"filter\":[{\"term\":{\"tag_in_text\":\"alemtuzumab\"}}]}}"), full);
    assertTrue(full.contains("{\"constant_score\":{\"boost\":1.5,\"filter\":{\"term\":{\"tag\":\"alemtuzumab\"}}}}"), full);
  }

  @Test
  void analysisIsGeneratedFromTheConfigurationWithStockFilters() {
    JsonNode analysis = IndexSettings.analysis(CONFIG);
    assertEquals("[\"possessive\",\"acronyms\",\"lowercase\",\"spelling\",\"split_digits\",\"glued\",\"index_stops\","
        + "\"acronym_keywords\",\"porter_stem\"]", analysis.path("analyzer").path("passage_index").path("filter").toString());
    assertTrue(analysis.path("filter").path("spelling").path("synonyms").toString().contains("\"leukaemia => leukemia\""));
    assertTrue(analysis.path("filter").path("acronyms").path("pattern").asText().contains("ALL"));
    assertEquals("acute lymphoblastic leukemia, ALL",
        IndexSettings.respelled("acute lymphoblastic leukaemia, ALL", CONFIG.vocabulary().spellings()));
  }
}
