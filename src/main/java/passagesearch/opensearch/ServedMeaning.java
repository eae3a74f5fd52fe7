package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.query.ParsedQuery;
import passagesearch.search.QueryMeaning;
import passagesearch.search.RetrievalMode;

/**
 * Search by meaning on one served generation: the model its passage vectors come from (none for a
 * generation built with semantic retrieval off, or without the model), its vector lists, read once, and the
 * embedded engine's rules for when and how a query is read for a meaning ({@link QueryMeaning}).
 */
final class ServedMeaning {
  private final String generation;
  private final String vectorModel;
  private final VectorLists lists;
  private final QueryMeaning meaning;
  private final float stubFactor;
  /** Whether the cluster scores vectors by script; false once it has refused one (they are fetched instead). */
  private volatile boolean scripts = true;

  private ServedMeaning(String generation, String vectorModel, VectorLists lists, QueryMeaning meaning, float stubFactor) {
    this.generation = generation;
    this.vectorModel = vectorModel;
    this.lists = lists;
    this.meaning = meaning;
    this.stubFactor = stubFactor;
  }

  /**
   * The generation's vector lists, read from its records when its metadata names a model.
   *
   * @param meta the generation's {@code _meta}
   */
  static ServedMeaning read(Cluster cluster, String generation, JsonNode meta, QueryMeaning meaning, float stubFactor) {
    String model = meta.path("vectorModel").asText(null);
    int count = meta.path("vectorLists").asInt(0);
    if (model == null || count < 1) {
      return new ServedMeaning(generation, null, null, meaning, stubFactor);
    }
    return new ServedMeaning(generation, model, VectorLists.read(cluster, generation, count), meaning, stubFactor);
  }

  /** Whether searches on this generation can use meaning now, and why not. */
  RetrievalMode mode() {
    return meaning.mode(generation, vectorModel);
  }

  /** The model the generation's vectors come from; null when it has none. */
  String vectorModel() {
    return vectorModel;
  }

  /**
   * The query read for a meaning and the passages nearest it within the restriction; none found when the
   * search is by words alone.
   */
  FusedHits find(ParsedQuery query, int contentWords, JsonNode restriction, Function<ObjectNode, JsonNode> search) {
    QueryMeaning.Reading reading = meaning.read(mode(), query, contentWords);
    if (reading.vector() == null) {
      return new FusedHits(reading, Map.of(), stubFactor);
    }
    Map<String, Float> near;
    try {
      near = MeaningCandidates.find(lists, reading.vector(), restriction, meaning, scripts, search);
    } catch (Cluster.Failure e) {
      if (!scripts || e.status != 400 || !e.getMessage().contains("script")) {
        throw e;
      }
      // A cluster that allows no inline scripts: the vectors of the nearest lists are fetched and scored here.
      scripts = false;
      near = MeaningCandidates.find(lists, reading.vector(), restriction, meaning, false, search);
    }
    return new FusedHits(reading, near, stubFactor);
  }

  /** A hit's sentence nearest the query in meaning, when the model is ready. */
  java.util.Optional<String> snippet(String text, float[] vector, int maxLength) {
    return meaning.snippet(text, vector, maxLength);
  }
}
