package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import passagesearch.opensearch.IndexSettings.Fields;

/**
 * Nearest-neighbour search from stock OpenSearch features (no k-NN plugin): an inverted file of vectors. A
 * build trains {@code lists} centroids by k-means on a bounded sample of the passage vectors (the first
 * {@link #SAMPLE}, so a build's memory does not grow with the corpus), and each passage is indexed with the
 * keyword of its nearest centroid ({@code vector_list}) and its vector, compact ({@link #encode}). A search
 * probes the lists whose centroids are nearest the query until about {@link #PROBED} passages are covered, and
 * the cluster scores their vectors exactly ({@link MeaningCandidates}). A corpus of at most
 * {@link #EXACT_UP_TO} passages is one list: every passage is scored, an exact search.
 *
 * @param centroids each list's centroid, unit length; one zero-length array for a single list
 * @param sizes how many passages each list holds
 */
record VectorLists(float[][] centroids, int[] sizes) {
  /**
   * Passages a corpus has at most to be one list, scored whole by each search: the cluster scores about a
   * thousand vectors a millisecond (SciFact's 9,546 in 11 to 25 ms a search on the shared two-core machine).
   */
  static final int EXACT_UP_TO = 20_000;
  /** Passage vectors the cluster scores for a search: the lists probed until they hold about this many. */
  static final int PROBED = 10_000;
  /**
   * Passage vectors fetched to be scored here, on a cluster that refuses scripts: the lists probed until they
   * hold about {@link #FETCHED_PROBED}, at most this many fetched: a bound on a request's memory (about 1 MB).
   */
  static final int MAX_FETCHED = 2_000;
  static final int FETCHED_PROBED = 1_500;
  /** Lists probed at most. */
  static final int MAX_PROBES = 64;
  /** Vectors a build keeps for training: 8,192 of 384 floats are 12.6 MB. */
  static final int SAMPLE = 8_192;
  static final int MAX_LISTS = 1_024;
  private static final int ITERATIONS = 12;

  /** How many lists a corpus of {@code passages} gets: one up to {@link #EXACT_UP_TO}, then about sqrt(N). */
  static int listsFor(int passages, int sampled) {
    if (passages <= EXACT_UP_TO) {
      return 1;
    }
    return Math.max(2, Math.min(Math.min(MAX_LISTS, sampled / 8), (int) Math.round(Math.sqrt(passages))));
  }

  /** Lists trained by spherical k-means on the sample (deterministic: a fixed seed), sizes counted later. */
  static float[][] train(List<float[]> sample, int lists) {
    if (lists <= 1 || sample.size() <= lists) {
      return new float[][] {new float[0]};
    }
    Random random = new Random(42);
    float[][] centroids = new float[lists][];
    int[] order = IntStream.range(0, sample.size()).toArray();
    for (int i = 0; i < lists; i++) {
      int j = i + random.nextInt(order.length - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
      centroids[i] = sample.get(order[i]).clone();
    }
    int[] assigned = new int[sample.size()];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      float[][] current = centroids;
      IntStream.range(0, sample.size()).parallel().forEach(i -> assigned[i] = nearest(current, sample.get(i)));
      int dims = sample.getFirst().length;
      float[][] sums = new float[lists][dims];
      int[] counts = new int[lists];
      for (int i = 0; i < assigned.length; i++) {
        counts[assigned[i]]++;
        float[] s = sums[assigned[i]];
        float[] v = sample.get(i);
        for (int d = 0; d < dims; d++) {
          s[d] += v[d];
        }
      }
      for (int c = 0; c < lists; c++) {
        // An empty list takes a sample vector at random, so every list ends with passages.
        sums[c] = counts[c] == 0 ? sample.get(random.nextInt(sample.size())).clone() : unit(sums[c]);
      }
      centroids = sums;
    }
    return centroids;
  }

  /** Which list a vector belongs to: its nearest centroid's. */
  int listOf(float[] vector) {
    return centroids.length == 1 ? 0 : nearest(centroids, vector);
  }

  /**
   * The lists to probe for a query: nearest centroid first, until they hold {@code probed} passages or
   * {@link #MAX_PROBES} lists are taken.
   */
  List<String> probes(float[] query, int probed) {
    if (centroids.length == 1) {
      return List.of("0");
    }
    Integer[] byNearness = new Integer[centroids.length];
    float[] similarity = new float[centroids.length];
    for (int c = 0; c < centroids.length; c++) {
      byNearness[c] = c;
      similarity[c] = dot(centroids[c], query);
    }
    Arrays.sort(byNearness, (a, b) -> Float.compare(similarity[b], similarity[a]));
    List<String> out = new ArrayList<>();
    int covered = 0;
    for (int c : byNearness) {
      if (covered >= probed || out.size() == MAX_PROBES) {
        break;
      }
      out.add(Integer.toString(c));
      covered += sizes[c];
    }
    return out;
  }

  /**
   * A vector in 4 + d bytes, base64: its largest magnitude as a float, then each component as a signed byte
   * of that (a 384-dimension vector in 388 bytes instead of 1,536; cosines within about 0.002 of the floats').
   */
  static String encode(float[] vector) {
    float max = 0;
    for (float x : vector) {
      max = Math.max(max, Math.abs(x));
    }
    ByteBuffer b = ByteBuffer.allocate(4 + vector.length).putFloat(max);
    for (float x : vector) {
      b.put((byte) (max == 0 ? 0 : Math.round(x / max * 127)));
    }
    return Base64.getEncoder().encodeToString(b.array());
  }

  /**
   * A generation's {@code count} lists, read from its records ({@code kind: vector_list}: each list's centroid
   * and size).
   *
   * @throws IllegalStateException when a list's record is missing
   */
  static VectorLists read(Cluster cluster, String generation, int count) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", count);
    body.putObject("query").putObject("term").put(Fields.KIND, Fields.LIST);
    body.putArray("_source").add(Fields.VECTOR_LIST).add(Fields.ORDINAL);
    body.putArray("docvalue_fields").add(Fields.VECTOR);
    float[][] centroids = new float[count][];
    int[] sizes = new int[count];
    for (JsonNode h : cluster.send("POST", "/" + generation + "/_search", body).path("hits").path("hits")) {
      int list = Integer.parseInt(h.path("_source").path(Fields.VECTOR_LIST).asText());
      JsonNode v = h.path("fields").path(Fields.VECTOR).path(0);
      centroids[list] = v.isTextual() ? VectorLists.decode(v.asText()) : new float[0];
      sizes[list] = h.path("_source").path(Fields.ORDINAL).asInt();
    }
    for (int i = 0; i < count; i++) {
      if (centroids[i] == null) {
        throw new IllegalStateException("generation " + generation + " lacks vector list " + i);
      }
    }
    return new VectorLists(centroids, sizes);
  }

  /** The vector {@link #encode} wrote, to its precision. */
  static float[] decode(String encoded) {
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
    float step = b.getFloat() / 127;
    float[] v = new float[b.remaining()];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.get() * step;
    }
    return v;
  }

  /** The cosine similarity of a unit-length query and a vector of any length. */
  static float cosine(float[] unitQuery, float[] v) {
    float norm = (float) Math.sqrt(dot(v, v));
    return norm == 0 ? 0 : dot(unitQuery, v) / norm;
  }

  private static int nearest(float[][] centroids, float[] v) {
    int best = 0;
    float bestDot = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      float d = dot(centroids[c], v);
      if (d > bestDot) {
        bestDot = d;
        best = c;
      }
    }
    return best;
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static float[] unit(float[] v) {
    float norm = (float) Math.sqrt(dot(v, v));
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
    }
    return v;
  }
}
