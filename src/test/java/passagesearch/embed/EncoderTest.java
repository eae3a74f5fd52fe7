package passagesearch.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EncoderTest {
  private static Encoder encoder;

  @BeforeAll
  static void load() {
    encoder = Encoder.load(EncoderModel.DEFAULT);
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void theDefaultModelLoadsWithItsDimensions() {
    assertEquals("bge-small-en-v1.5", encoder.model());
    assertEquals(384, encoder.dimensions());
  }

  @Test
  void aQuestionInPlainWordsIsNearestThePassageThatAnswersIt() {
    float[] query = encoder.query("can I have a baby after treatment");
    List<float[]> passages = encoder.passages(List.of(
        "Chemotherapy can damage the ovaries and testes, and infertility after chemotherapy is common; some "
            + "people freeze eggs or sperm before treatment starts.",
        "Your blood counts are checked often during treatment: red cells, white cells and platelets."));
    assertTrue(dot(query, passages.get(0)) > dot(query, passages.get(1)),
        dot(query, passages.get(0)) + " vs " + dot(query, passages.get(1)));
  }

  @Test
  void vectorsHaveUnitLength() {
    for (float[] v : List.of(encoder.query("blinatumomab side effects"), encoder.passage("Imatinib is a tablet."),
        encoder.query(""))) {
      assertEquals(384, v.length);
      assertEquals(1.0, Math.sqrt(dot(v, v)), 1e-4);
    }
  }

  @Test
  void aBatchGivesEachTextTheVectorItGetsAlone() {
    List<String> texts = List.of("A long passage about maintenance therapy for acute lymphoblastic leukaemia, "
        + "which lasts about two years and is mostly tablets taken at home.", "Short one.", "Stem cell transplant");
    List<float[]> batch = encoder.passages(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(encoder.passage(texts.get(i)), batch.get(i), 1e-4f, texts.get(i));
    }
  }

  @Test
  void queriesFromManyThreadsAtOnceGetTheVectorsTheyGetAlone() throws Exception {
    List<String> queries = List.of("fertility after chemotherapy", "imatinib", "what is maintenance", "CAR-T cells");
    List<float[]> alone = queries.stream().map(encoder::query).toList();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<float[]>> together = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (String q : queries) {
          together.add(pool.submit(() -> encoder.query(q)));
        }
      }
      for (int i = 0; i < together.size(); i++) {
        assertArrayEquals(alone.get(i % queries.size()), together.get(i).get(), 1e-6f);
      }
    }
  }

  @Test
  void aModelNamesItselfAsAConfigurationDoes() {
    assertEquals(EncoderModel.E5_SMALL_V2, EncoderModel.named("e5-small-v2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EncoderModel.named("bge"));
    assertEquals("unknown embedding model 'bge'; known: bge-small-en-v1.5, e5-small-v2, all-minilm-l6-v2",
        e.getMessage());
  }

  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  @Test
  void aFailureIsToldByItsFirstMessageAndItsRootCause() {
    assertEquals("no model", Encoder.why(new IllegalStateException("no model")));
    assertEquals("RuntimeException: Failed to load (NoSuchFileException: /nowhere/lib.so)", Encoder.why(
        new ExceptionInInitializerError(new RuntimeException("Failed to load", new java.nio.file.NoSuchFileException("/nowhere/lib.so")))));
    assertEquals("UnsatisfiedLinkError", Encoder.why(new UnsatisfiedLinkError()));
  }
}
