package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccessLogTest {
  @Test
  void millisecondsHaveOneDecimalAndAPointWhateverTheLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("0.0", AccessLog.millis(0f));
      assertEquals("0.0", AccessLog.millis(0.04f));
      assertEquals("1.3", AccessLog.millis(1.25f));
      assertEquals("12.0", AccessLog.millis(11.96f));
      assertEquals("255.6", AccessLog.millis(255.6f));
      assertEquals("30000.0", AccessLog.millis(30_000f));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void linesBeyondTheQueueAreDroppedAndCountedNotBlocked() {
    try (AccessLog log = new AccessLog(3, 3_600_000)) {
      for (int i = 0; i < 5; i++) {
        log.log("line " + i);
      }
      assertEquals(2, log.dropped(), "three lines wait for a writer that has not run; two more are dropped");
    }
  }

  @Test
  void theWriterMakesRoomAgain() throws InterruptedException {
    try (AccessLog log = new AccessLog(2, 10)) {
      log.log("first");
      log.log("second");
      long deadline = System.nanoTime() + 5_000_000_000L;
      boolean accepted = false;
      while (!accepted && System.nanoTime() < deadline) {
        Thread.sleep(10);
        long before = log.dropped();
        log.log("later");
        accepted = log.dropped() == before;
      }
      assertTrue(accepted, "a line was accepted once the writer drained the queue");
    }
  }

  @Test
  void closingWritesWhatWaits() {
    AccessLog log = new AccessLog(2, 3_600_000);
    log.log("first");
    log.log("second");
    log.close();
    log.log("after");
    log.log("after");
    assertEquals(0, log.dropped(), "close drained both waiting lines, so two more fit");
  }
}
