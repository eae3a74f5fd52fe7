package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Whitespace normalisation: what every passage's text and offsets rely on. */
class TextTest {
  // The definition, as regular expressions: each \R-line trimmed of \h, \h-runs made one space, blank
  // lines dropped, lines joined with \n. The one-pass code must agree with it on any text.
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final Pattern EDGE_SPACE = Pattern.compile("^\\h+|\\h+$");
  private static final Pattern SPACE_RUN = Pattern.compile("\\h+");

  private static String byDefinition(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : LINE_BREAK.split(s)) {
      String collapsed = SPACE_RUN.matcher(EDGE_SPACE.matcher(line).replaceAll("")).replaceAll(" ");
      if (!collapsed.isEmpty()) {
        out.append(out.isEmpty() ? "" : "\n").append(collapsed);
      }
    }
    return out.toString();
  }

  @Test
  void examples() {
    assertEquals("a b\nc", Text.normalise("  a \t b \r\n\r\n\u00A0 c\u3000\n"));
    assertEquals("", Text.normalise(" \n\t\r\n"));
    assertEquals("x\ny", Text.normalise("x\u2028y"));
  }

  @Test
  void agreesWithTheDefinitionOnRandomText() {
    String alphabet = "ab.é\u00AD \t\u00A0\u2000\u200A\u200B\u202F\u205F\u3000\u1680\u180E\n\r\u000B\f\u0085\u2028\u2029";
    Random random = new Random(20261202);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      assertEquals(byDefinition(text), Text.normalise(text), () -> "for " + text.chars().mapToObj(Integer::toHexString).toList());
    }
  }
}
