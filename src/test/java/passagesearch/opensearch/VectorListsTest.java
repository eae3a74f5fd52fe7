package passagesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorListsTest {
  private static float[] unit(Random r, int dims) {
    float[] v = new float[dims];
    float n = 0;
    for (int i = 0; i < dims; i++) {
      v[i] = (float) r.nextGaussian();
      n += v[i] * v[i];
    }
    for (int i = 0; i < dims; i++) {
      v[i] /= (float) Math.sqrt(n);
    }
    return v;
  }

  @Test
  void aVectorKeptInBytesScoresWithinAFewThousandthsOfItsFloats() {
    Random r = new Random(1);
    for (int i = 0; i < 200; i++) {
      float[] a = unit(r, 384);
      float[] b = unit(r, 384);
      float exact = VectorLists.cosine(a, b);
      float kept = VectorLists.cosine(a, VectorLists.decode(VectorLists.encode(b)));
      assertEquals(exact, kept, 0.003, "pair " + i);
    }
    assertEquals(4 + 384, java.util.Base64.getDecoder().decode(VectorLists.encode(unit(r, 384))).length);
    // The cluster gives binary doc values back without base64 padding.
    String padded = VectorLists.encode(unit(r, 5));
    assertEquals(VectorLists.decode(padded)[2], VectorLists.decode(padded.replace("=", ""))[2]);
  }

  @Test
  void aSmallCorpusIsOneListAndALargeOneAboutTheSquareRoot() {
    assertEquals(1, VectorLists.listsFor(9_546, 8_192), "SciFact: every passage scored");
    assertEquals(141, VectorLists.listsFor(20_001, 8_192));
    assertEquals(1_000, VectorLists.listsFor(1_000_000, 8_192));
    assertEquals(12, VectorLists.listsFor(1_000_000, 100), "at least eight sampled vectors a list");
    assertEquals(List.of("0"), new VectorLists(new float[][] {new float[0]}, new int[] {7}).probes(new float[] {1, 0}, VectorLists.PROBED));
  }

  @Test
  void clustersAreFoundAndTheNearestListsAreProbedUntilTheyHoldEnough() {
    Random r = new Random(2);
    float[][] centres = new float[4][];
    for (int c = 0; c < 4; c++) {
      centres[c] = unit(r, 16);
    }
    List<float[]> sample = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      float[] v = centres[i % 4].clone();
      for (int d = 0; d < 16; d++) {
        v[d] += (float) (0.05 * r.nextGaussian());
      }
      sample.add(v);
    }
    float[][] trained = VectorLists.train(sample, 4);
    int[] sizes = new int[4];
    VectorLists lists = new VectorLists(trained, sizes);
    sample.forEach(v -> sizes[lists.listOf(v)]++);
    for (int c = 0; c < 4; c++) {
      assertEquals(100, sizes[c], "each cluster a list of its own");
    }
    // Every list holds 100: the nearest is probed first, then the next nearest until they hold enough.
    List<String> probes = lists.probes(centres[2], 150);
    assertEquals(Integer.toString(lists.listOf(centres[2])), probes.getFirst());
    assertEquals(2, probes.size());
    assertEquals(4, lists.probes(centres[2], VectorLists.PROBED).size());
    sizes[lists.listOf(centres[2])] = 150;
    assertEquals(1, lists.probes(centres[2], 150).size(), "a list that holds enough is probed alone");
    assertTrue(VectorLists.MAX_FETCHED >= VectorLists.FETCHED_PROBED);
  }
}
