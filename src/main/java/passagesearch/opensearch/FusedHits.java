package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.search.QueryMeaning;

/**
 * A search's lexical hits and the passages found by meaning, fused as the embedded engine fuses them
 * ({@code search.Fusion}): {@code (1 - weight)} times a passage's lexical score over the query's best, plus
 * {@code weight} times its rescaled similarity ({@link QueryMeaning#scale}). The lexical search asks for its
 * matches and the passages found by meaning (at score 0), so the total and the facets count both, as
 * embedded; its best score is the query's best lexical score. The passages found by meaning that are not
 * among its best hits are fetched in a second search of just them, with their lexical scores and snippets.
 * A query that names a tag or uses search syntax gets its lexical matches reordered and none added.
 *
 * @param byMeaning the passages found by meaning (their _id), each with its rescaled similarity; empty when
 *     none joined
 * @param stubFactor what the score of a passage that only restates its heading is multiplied by (the lexical
 *     query does it to its part; the embedded engine does it to the whole fused score)
 */
record FusedHits(QueryMeaning.Reading reading, Map<String, Float> byMeaning, float stubFactor) {
  boolean joins() {
    return !byMeaning.isEmpty();
  }

  boolean foundByMeaning(String id) {
    return byMeaning.containsKey(id);
  }

  /** The lexical query, and the passages found by meaning at score 0 (none when meaning only reorders). */
  JsonNode query(JsonNode lexical) {
    if (!joins() || reading.reorderOnly()) {
      return lexical;
    }
    ObjectNode q = Cluster.JSON.createObjectNode();
    ObjectNode bool = q.putObject("bool");
    bool.putArray("should").add(lexical).add(zeroScored(ids(byMeaning.keySet())));
    return q;
  }

  /**
   * The best {@code depth} hits of the fused ranking, each a copy of the cluster's hit with its fused
   * {@code _score}.
   *
   * @param answer the cluster's answer to {@code body}, whose query is {@link #query}
   * @param lexical the lexical query alone
   */
  List<JsonNode> rank(JsonNode answer, ObjectNode body, JsonNode lexical, int depth,
      Function<ObjectNode, JsonNode> search) {
    JsonNode hits = answer.path("hits").path("hits");
    List<JsonNode> out = new ArrayList<>();
    if (!joins()) {
      hits.forEach(out::add);
      return out;
    }
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    hits.forEach(h -> byId.put(h.path("_id").asText(), h.deepCopy()));
    List<String> missing = byMeaning.keySet().stream().filter(id -> !byId.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      ObjectNode more = body.deepCopy();
      more.remove("aggs");
      more.put("size", missing.size());
      more.put("track_total_hits", false);
      ObjectNode bool = more.putObject("query").putObject("bool");
      bool.putArray("filter").add(ids(missing));
      bool.putArray(reading.reorderOnly() ? "must" : "should").add(lexical);
      search.apply(more).path("hits").path("hits").forEach(h -> byId.putIfAbsent(h.path("_id").asText(), h.deepCopy()));
    }
    float best = hits.isEmpty() ? 0 : (float) hits.path(0).path("_score").asDouble();
    float scale = best > 0 ? QueryMeaning.scale(reading.weight(), best) : 0;
    for (ObjectNode h : byId.values()) {
      float lex = (float) h.path("_score").asDouble();
      Float similarity = byMeaning.get(h.path("_id").asText());
      float fused;
      if (best > 0) {
        float meaning = similarity == null ? 0 : reading.weight() * similarity * stub(h);
        fused = scale * lex + meaning;
      } else if (reading.reorderOnly()) {
        fused = lex;
      } else if (similarity != null) {
        fused = reading.weight() * similarity * stub(h);
      } else {
        continue;
      }
      h.put("_score", fused);
      out.add(h);
    }
    out.sort(Comparator.comparingDouble((JsonNode h) -> -h.path("_score").asDouble()));
    return out.size() > depth ? new ArrayList<>(out.subList(0, depth)) : out;
  }

  private float stub(JsonNode hit) {
    return hit.path("_source").path(Fields.RESTATES_HEADING).asBoolean() ? stubFactor : 1f;
  }

  private static ObjectNode ids(Iterable<String> ids) {
    ObjectNode q = Cluster.JSON.createObjectNode();
    ArrayNode values = q.putObject("ids").putArray("values");
    ids.forEach(values::add);
    return q;
  }

  private static ObjectNode zeroScored(ObjectNode filter) {
    ObjectNode q = Cluster.JSON.createObjectNode();
    q.putObject("constant_score").put("boost", 0f).set("filter", filter);
    return q;
  }
}
