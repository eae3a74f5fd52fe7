package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Repeats' sentence keys: runs of {@code \s} as one space, as {@code replaceAll("\\s+", " ")} gives. */
class CollapseSpacesTest {
  @Test
  void agreesWithTheRegularExpression() {
    String alphabet = "ab \t\n\u000B\f\r\u00A0\u2028.";
    Random random = new Random(20261203);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = s.toString();
      assertEquals(t.replaceAll("\\s+", " "), Repeats.collapseSpaces(t), t);
    }
  }
}
