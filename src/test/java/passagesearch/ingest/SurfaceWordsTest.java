package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The spelling corrector's words: runs of {@code \p{L}}, lower-cased, each once. */
class SurfaceWordsTest {
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  private static List<String> byDefinition(String... texts) {
    LinkedHashSet<String> words = new LinkedHashSet<>();
    for (String text : texts) {
      Matcher m = LETTERS.matcher(text);
      while (m.find()) {
        StringBuilder lower = new StringBuilder();
        m.group().codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        words.add(lower.toString());
      }
    }
    return List.copyOf(words);
  }

  @Test
  void examples() {
    assertEquals(List.of("side", "effects", "car", "t", "cells", "ß", "αβγ", "naïve", "𝐀bc", "drugs"),
        List.copyOf(SurfaceWords.of(List.of("Side effects3 CAR-T cells, ß ΑΒΓ naïve 𝐀Bc 42 side", "Drugs"))));
  }

  @Test
  void aWordDoesNotRunOnFromOneTextIntoTheNext() {
    assertEquals(List.of("side", "effects"), List.copyOf(SurfaceWords.of(List.of("side", "effects"))));
  }

  @Test
  void agreesWithTheRegularExpressionOnRandomText() {
    String alphabet = "aZé1 -'\u0301\u00A0ΣσИ中𝐀𝟙\uD800\tÅı";
    Random random = new Random(20261203);
    for (int n = 0; n < 5_000; n++) {
      String a = randomText(random, alphabet);
      String b = randomText(random, alphabet);
      assertEquals(byDefinition(a, b), List.copyOf(SurfaceWords.of(List.of(a, b))),
          (a + " | " + b).toLowerCase(Locale.ROOT));
    }
  }

  private static String randomText(Random random, String alphabet) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      int at = random.nextInt(alphabet.length());
      text.append(alphabet.charAt(at));
      if (Character.isHighSurrogate(alphabet.charAt(at)) && at + 1 < alphabet.length() && random.nextBoolean()) {
        text.append(alphabet.charAt(at + 1));
      }
    }
    return text.toString();
  }
}
