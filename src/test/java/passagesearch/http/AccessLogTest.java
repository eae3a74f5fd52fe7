package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
