package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.search.QueryMeaning;

/**
 * The passages nearest a query in meaning, on the cluster: the lists nearest the query probed
 * ({@link VectorLists#probes}) within the search's filters and exclusions, their vectors fetched from doc
 * values (at most {@link VectorLists#MAX_FETCHED}: a request's memory is bounded whatever the corpus), each
 * scored by its exact cosine here, the best {@code candidates} kept, and those near enough rescaled as the
 * embedded engine rescales them ({@link QueryMeaning#near}).
 */
final class MeaningCandidates {
  private MeaningCandidates() {}

  /**
   * @param restriction the search's filters and exclusions, as the query DSL
   * @param search sends a search body to the served generation and gives its answer
   * @return the passages found by meaning (their _id), nearest first, each with its rescaled similarity
   */
  static Map<String, Float> find(VectorLists lists, float[] query, JsonNode restriction, QueryMeaning meaning,
      Function<ObjectNode, JsonNode> search) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", VectorLists.MAX_FETCHED);
    body.put("track_total_hits", false);
    body.put("_source", false);
    body.putArray("docvalue_fields").add(Fields.VECTOR);
    ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
    filter.add(restriction);
    ArrayNode probed = filter.addObject().putObject("terms").putArray(Fields.VECTOR_LIST);
    lists.probes(query).forEach(probed::add);
    JsonNode hits = search.apply(body).path("hits").path("hits");
    List<String> ids = new ArrayList<>(hits.size());
    float[] all = new float[hits.size()];
    for (JsonNode h : hits) {
      JsonNode v = h.path("fields").path(Fields.VECTOR).path(0);
      if (v.isTextual()) {
        all[ids.size()] = VectorLists.cosine(query, VectorLists.decode(v.asText()));
        ids.add(h.path("_id").asText());
      }
    }
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Float.compare(all[b], all[a]));
    int n = Math.min(order.length, meaning.candidates());
    float[] cosines = new float[n];
    for (int i = 0; i < n; i++) {
      cosines[i] = all[order[i]];
    }
    QueryMeaning.Near near = meaning.near(cosines);
    Map<String, Float> out = new LinkedHashMap<>();
    for (int k = 0; k < near.kept().length; k++) {
      out.put(ids.get(order[near.kept()[k]]), near.scores()[k]);
    }
    return out;
  }
}
