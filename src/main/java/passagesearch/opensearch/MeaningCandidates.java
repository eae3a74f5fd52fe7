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
 * ({@link VectorLists#probes}) within the search's filters and exclusions, each passage in them scored by its
 * exact cosine to the query, the best {@code candidates} kept, and those near enough rescaled as the embedded
 * engine rescales them ({@link QueryMeaning#near}).
 *
 * <p>The cluster scores them: a {@code script_score} query whose Painless script (stock OpenSearch) reads each
 * vector's bytes from doc values, so only the best {@code candidates} ids come back, whatever the lists hold.
 * A cluster that refuses inline scripts gets the other way: the vectors of the nearest lists, at most
 * {@link VectorLists#MAX_FETCHED} (a bound on the request's memory), fetched and scored here; fewer passages
 * are scored, so fewer of the exact nearest are found.
 */
final class MeaningCandidates {
  /**
   * The cosine of the query (params.q) and a vector kept by {@link VectorLists#encode}, plus 1 (a score may
   * not be negative): the scale in the first four bytes cancels out of the cosine.
   */
  static final String COSINE = "def b = doc['" + Fields.VECTOR + "'].value; int o = b.offset + 4; List q = params.q;"
      + " double d = 0; double n = 0; for (int i = 0; i < q.size(); i++) { int x = b.bytes[o + i];"
      + " d += ((double) q.get(i)) * x; n += x * x; } return n == 0 ? 1 : 1 + d / Math.sqrt(n);";

  private MeaningCandidates() {}

  /**
   * @param restriction the search's filters and exclusions, as the query DSL
   * @param scripts whether the cluster scores by script ({@link #COSINE}); false: the vectors are fetched
   * @param search sends a search body to the served generation and gives its answer
   * @return the passages found by meaning (their _id), nearest first, each with its rescaled similarity
   */
  static Map<String, Float> find(VectorLists lists, float[] query, JsonNode restriction, QueryMeaning meaning,
      boolean scripts, Function<ObjectNode, JsonNode> search) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("track_total_hits", false);
    body.put("_source", false);
    ObjectNode probed = Cluster.JSON.createObjectNode();
    ArrayNode filter = probed.putObject("bool").putArray("filter");
    filter.add(restriction);
    ArrayNode terms = filter.addObject().putObject("terms").putArray(Fields.VECTOR_LIST);
    lists.probes(query, scripts ? VectorLists.PROBED : VectorLists.FETCHED_PROBED).forEach(terms::add);
    List<String> ids = new ArrayList<>();
    List<Float> cosines = new ArrayList<>();
    if (scripts) {
      body.put("size", meaning.candidates());
      ObjectNode scored = body.putObject("query").putObject("script_score");
      scored.set("query", probed);
      ObjectNode script = scored.putObject("script");
      script.put("source", COSINE);
      ArrayNode q = script.putObject("params").putArray("q");
      for (float x : query) {
        q.add(x);
      }
      for (JsonNode h : search.apply(body).path("hits").path("hits")) {
        ids.add(h.path("_id").asText());
        cosines.add((float) (h.path("_score").asDouble() - 1));
      }
    } else {
      body.put("size", VectorLists.MAX_FETCHED);
      body.putArray("docvalue_fields").add(Fields.VECTOR);
      body.set("query", probed);
      nearestFetched(search.apply(body).path("hits").path("hits"), query, meaning.candidates(), ids, cosines);
    }
    float[] all = new float[cosines.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = cosines.get(i);
    }
    QueryMeaning.Near near = meaning.near(all);
    Map<String, Float> out = new LinkedHashMap<>();
    for (int k = 0; k < near.kept().length; k++) {
      out.put(ids.get(near.kept()[k]), near.scores()[k]);
    }
    return out;
  }

  /** The best {@code n} of the fetched vectors by their cosine to the query, nearest first. */
  private static void nearestFetched(JsonNode hits, float[] query, int n, List<String> ids, List<Float> cosines) {
    List<String> fetched = new ArrayList<>(hits.size());
    List<Float> all = new ArrayList<>(hits.size());
    for (JsonNode h : hits) {
      JsonNode v = h.path("fields").path(Fields.VECTOR).path(0);
      if (v.isTextual()) {
        all.add(VectorLists.cosine(query, VectorLists.decode(v.asText())));
        fetched.add(h.path("_id").asText());
      }
    }
    Integer[] order = new Integer[fetched.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Float.compare(all.get(b), all.get(a)));
    for (int i = 0; i < Math.min(n, order.length); i++) {
      ids.add(fetched.get(order[i]));
      cosines.add(all.get(order[i]));
    }
  }
}
