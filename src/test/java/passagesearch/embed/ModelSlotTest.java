package passagesearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;
import passagesearch.config.SemanticSettings;

/** A server's slot loads the model only when asked (once it listens) or when a build waits for it. */
class ModelSlotTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** The configured settings, naming a model that cannot load: a load that begins ends at once, failed. */
  private static SemanticSettings unknownModel(boolean enabled) {
    SemanticSettings s = TestSupport.loadConfig().semantic();
    return new SemanticSettings(enabled, "no-such-model", s.weight(), s.candidates(), s.minSimilarity(),
        s.fullWeightWords(), s.keptQueries());
  }

  @Test
  void onDemandDoesNotLoadUntilAsked() {
    ModelSlot slot = ModelSlot.onDemand(unknownModel(true));
    assertEquals(ModelSlot.State.LOADING, slot.state());
    assertTrue(slot.reason().contains("no-such-model"), slot.reason());
    // Closed before anyone asked: had it begun loading, the failure would be the unknown model's.
    slot.close();
    EncoderUnavailable e = assertThrows(EncoderUnavailable.class, slot::await);
    assertTrue(e.getMessage().contains("closed before it was needed"), e.getMessage());
    assertEquals(ModelSlot.State.UNAVAILABLE, slot.state());
  }

  @Test
  void loadBeginsIt() {
    try (ModelSlot slot = ModelSlot.onDemand(unknownModel(true))) {
      assertTimeoutPreemptively(PATIENCE, () -> {
        slot.load().load(); // a second call does nothing more
        while (slot.state() == ModelSlot.State.LOADING) {
          Thread.onSpinWait();
        }
      });
      assertEquals(ModelSlot.State.UNAVAILABLE, slot.state());
      assertTrue(slot.reason().contains("no-such-model"), slot.reason());
    }
  }

  @Test
  void aBuildWaitingForItBeginsIt() {
    try (ModelSlot slot = ModelSlot.onDemand(unknownModel(true))) {
      EncoderUnavailable e = assertTimeoutPreemptively(PATIENCE,
          () -> assertThrows(EncoderUnavailable.class, slot::await));
      assertTrue(e.getMessage().contains("no-such-model"), e.getMessage());
    }
  }

  @Test
  void offStaysOff() {
    try (ModelSlot slot = ModelSlot.onDemand(unknownModel(false))) {
      slot.load();
      assertEquals(ModelSlot.State.OFF, slot.state());
      assertTrue(slot.reason().contains("semantic.yaml"), slot.reason());
    }
  }
}
