package passagesearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;
import passagesearch.config.SemanticSettings;

/** The model as a process holds it: when it loads, and that closing never races a load. */
class ModelSlotTest {
  @Test
  void aDeferredSlotLoadsNothingUntilStartedAndClosesWithoutWaiting() {
    ModelSlot slot = ModelSlot.deferred(TestSupport.loadConfig().semantic());
    assertEquals(ModelSlot.State.LOADING, slot.state(), "searches are lexical until it is ready");
    slot.close();
    assertEquals(ModelSlot.State.LOADING, slot.state(), "never started: nothing was loaded, nothing waited for");
  }

  @Test
  void closingWaitsForALoadUnderWay() {
    // Exiting while ONNX Runtime creates its session crashes the JVM: close() lets the load finish first.
    ModelSlot slot = ModelSlot.loading("bge-small-en-v1.5");
    slot.close();
    assertEquals(ModelSlot.State.READY, slot.state());
  }

  @Test
  void anOffSlotStaysOff() {
    ModelSlot slot = ModelSlot.deferred(SemanticSettings.off());
    slot.start();
    assertEquals(ModelSlot.State.OFF, slot.state());
  }
}
