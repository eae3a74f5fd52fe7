package passagesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import passagesearch.search.QueryMeaning;
import passagesearch.search.RetrievalMode;

class FusedHitsTest {
  private static JsonNode answer(String... idsAndScores) throws Exception {
    StringBuilder hits = new StringBuilder();
    for (int i = 0; i < idsAndScores.length; i += 2) {
      hits.append(i > 0 ? "," : "").append("{\"_id\":\"").append(idsAndScores[i]).append("\",\"_score\":")
          .append(idsAndScores[i + 1]).append(",\"_source\":{}}");
    }
    return Cluster.JSON.readTree("{\"hits\":{\"hits\":[" + hits + "]}}");
  }

  private static FusedHits fused(boolean reorderOnly) {
    Map<String, Float> byMeaning = new LinkedHashMap<>();
    byMeaning.put("b", 1f);
    byMeaning.put("c", 0.5f);
    return new FusedHits(new QueryMeaning.Reading(RetrievalMode.hybrid(), new float[] {1}, 0.8f, reorderOnly),
        byMeaning, 1f);
  }

  @Test
  void scoresAreTheEmbeddedFusionAndPassagesFoundByMeaningAloneAreFetchedWithTheirLexicalScores() throws Exception {
    JsonNode lexical = Cluster.JSON.readTree("{\"match\":{\"text\":\"x\"}}");
    List<ObjectNode> asked = new ArrayList<>();
    List<JsonNode> ranked = fused(false).rank(answer("a", "10", "b", "5"), Cluster.JSON.createObjectNode(), lexical, 10,
        body -> {
          asked.add(body);
          try {
            return answer("c", "0");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    // 0.2 x lexical / best + 0.8 x rescaled similarity: b 0.1 + 0.8, c 0 + 0.4, a 0.2 + 0.
    assertEquals(List.of("b", "c", "a"), ranked.stream().map(h -> h.path("_id").asText()).toList());
    assertEquals(0.9, ranked.get(0).path("_score").asDouble(), 1e-6);
    assertEquals(0.4, ranked.get(1).path("_score").asDouble(), 1e-6);
    assertEquals(0.2, ranked.get(2).path("_score").asDouble(), 1e-6);
    assertEquals(1, asked.size());
    assertEquals("[\"c\"]", asked.getFirst().path("query").path("bool").path("filter").path(0).path("ids").path("values").toString());
    assertTrue(fused(false).query(lexical).toString().contains("\"boost\":0.0"), "found by meaning: matches at score 0");
  }

  @Test
  void aQueryThatOnlyReordersAddsNoPassage() throws Exception {
    JsonNode lexical = Cluster.JSON.readTree("{\"match\":{\"text\":\"x\"}}");
    assertSame(lexical, fused(true).query(lexical));
    List<JsonNode> ranked = fused(true).rank(answer("a", "10", "b", "5"), Cluster.JSON.createObjectNode(), lexical, 10,
        body -> {
          assertTrue(body.path("query").path("bool").has("must"), "the lexical query must match");
          try {
            return answer();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    assertEquals(List.of("b", "a"), ranked.stream().map(h -> h.path("_id").asText()).toList());
  }
}
