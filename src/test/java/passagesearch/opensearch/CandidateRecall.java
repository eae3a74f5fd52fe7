package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.embed.Encoder;
import passagesearch.embed.ModelSlot;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.search.QueryMeaning;

/**
 * How much of exact search the cluster's candidate step finds: for each query of a BEIR queries file, the
 * passages {@link MeaningCandidates#find} keeps (the lists probed on the cluster) against the exact nearest
 * {@code candidates} over every passage vector of the generation (the same compact vectors, scored here), both
 * above the similarity floor; with the time each candidate step took. A measuring tool, run by hand:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) passagesearch.opensearch.CandidateRecall \
 *     URLS GENERATION ../shared/data/scifact/queries-test.jsonl [index-config]
 * </pre>
 * ({@code -Dfetched=true}: the vectors fetched and scored here, as on a cluster that refuses scripts.)
 * <pre>
 * </pre>
 */
public final class CandidateRecall {
  private CandidateRecall() {}

  public static void main(String[] args) throws Exception {
    String generation = args[1];
    boolean scripts = !Boolean.getBoolean("fetched");
    IndexConfig config = new ConfigLoader().load(Path.of(args.length > 3 ? args[3] : "index-config"), null);
    try (Cluster cluster = Cluster.connect(args[0], Duration.ofSeconds(60));
        ModelSlot models = ModelSlot.of(config.semantic())) {
      Encoder encoder = models.await();
      JsonNode meta = cluster.send("GET", "/" + generation + "/_mapping", null).path(generation).path("mappings").path("_meta");
      QueryMeaning meaning = QueryMeaning.of(config, models, w -> true);
      ServedMeaning served = ServedMeaning.read(cluster, generation, meta, meaning, 1f);
      VectorLists lists = VectorLists.read(cluster, generation, meta.path("vectorLists").asInt());
      ObjectNode all = Cluster.JSON.createObjectNode();
      all.put("size", 10_000);
      all.put("_source", false);
      all.putArray("docvalue_fields").add(Fields.VECTOR);
      all.putObject("query").putObject("term").put(Fields.KIND, Fields.PASSAGE);
      List<String> ids = new ArrayList<>();
      List<float[]> vectors = new ArrayList<>();
      for (JsonNode h : cluster.send("POST", "/" + generation + "/_search", all).path("hits").path("hits")) {
        ids.add(h.path("_id").asText());
        vectors.add(VectorLists.decode(h.path("fields").path(Fields.VECTOR).path(0).asText()));
      }
      JsonNode restriction = Cluster.JSON.readTree("{\"term\":{\"" + Fields.KIND + "\":\"" + Fields.PASSAGE + "\"}}");
      List<Double> recalls = new ArrayList<>();
      List<Long> micros = new ArrayList<>();
      int probed = 0;
      for (String line : Files.readAllLines(Path.of(args[2]))) {
        String text = Cluster.JSON.readTree(line).path("text").asText();
        float[] q = encoder.query(text);
        float[] cos = new float[vectors.size()];
        Integer[] order = new Integer[cos.length];
        for (int i = 0; i < cos.length; i++) {
          cos[i] = VectorLists.cosine(q, vectors.get(i));
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(cos[b], cos[a]));
        Set<String> exact = new HashSet<>();
        for (int i = 0; i < meaning.candidates() && i < order.length; i++) {
          if (cos[order[i]] >= config.semantic().minSimilarity()) {
            exact.add(ids.get(order[i]));
          }
        }
        long t0 = System.nanoTime();
        Map<String, Float> found = MeaningCandidates.find(lists, q, restriction, meaning, scripts,
            body -> cluster.send("POST", "/" + generation + "/_search", body));
        micros.add((System.nanoTime() - t0) / 1_000);
        probed += lists.probes(q, scripts ? VectorLists.PROBED : VectorLists.FETCHED_PROBED).stream().mapToInt(l -> lists.sizes()[Integer.parseInt(l)]).sum();
        if (!exact.isEmpty()) {
          recalls.add((double) found.keySet().stream().filter(exact::contains).count() / exact.size());
        }
      }
      micros.sort(null);
      System.out.printf("%s: %d passages, %d lists, %d queries; candidates scored per query %.0f; recall@%d against exact"
              + " search %.4f (queries with all found: %d of %d); candidate step median %.1f ms, p90 %.1f ms%n",
          generation, vectors.size(), lists.centroids().length, micros.size(), (double) probed / micros.size(),
          meaning.candidates(), recalls.stream().mapToDouble(d -> d).average().orElse(1),
          recalls.stream().filter(r -> r == 1.0).count(), recalls.size(), micros.get(micros.size() / 2) / 1000.0,
          micros.get(micros.size() * 9 / 10) / 1000.0);
      if (served.vectorModel() == null) {
        System.out.println("(the generation has no passage vectors)");
      }
    }
  }


}
