package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trigram hashes agree with trigrams of the words themselves, and survive their encoding. */
class ShinglesTest {
  private static final String[] WORDS = {"leukaemia", "cell", "T-cell", "CAR", "imatinib", "the", "of", "Blincyto",
      "side", "effects", "été", "niño", "β-blocker", "2", "mg/kg", "—", "“quoted”", "ALL", "all"};

  @Test
  void overlapMatchesTheOverlapOfTheWordTrigramsThemselves() {
    Random random = new Random(20261124);
    for (int round = 0; round < 2_000; round++) {
      String a = text(random, 1 + random.nextInt(40));
      String b = random.nextBoolean() ? mutate(random, a) : text(random, 1 + random.nextInt(40));
      double expected = reference(a, b);
      double actual = Shingles.overlap(Shingles.of(a), Shingles.of(b));
      assertEquals(expected, actual, 1e-9, () -> a + " | " + b);
      for (double threshold : new double[] {0.1, 0.5, 0.8, 1.0}) {
        assertEquals(actual >= threshold - 1e-12, Shingles.overlapAtLeast(Shingles.of(a), Shingles.of(b), threshold),
            () -> threshold + ": " + a + " | " + b);
      }
    }
  }

  @Test
  void caseAndPunctuationDoNotMakeTextsDifferent() {
    assertEquals(1.0, Shingles.overlap(Shingles.of("Side effects of CAR-T cell therapy."),
        Shingles.of("side effects of car t cell therapy")));
    assertEquals(0.0, Shingles.overlap(Shingles.of(""), Shingles.of("anything")));
  }

  @Test
  void encodingGivesBackTheSameHashes() {
    Random random = new Random(7);
    for (int round = 0; round < 1_000; round++) {
      int[] hashes = Shingles.of(text(random, random.nextInt(200)));
      assertArrayEquals(hashes, Shingles.decode(Shingles.encode(hashes)));
    }
    int[] extremes = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
    assertArrayEquals(extremes, Shingles.decode(Shingles.encode(extremes)));
  }

  private static String text(Random random, int words) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      out.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
    }
    return out.toString();
  }

  private static String mutate(Random random, String text) {
    List<String> words = new ArrayList<>(List.of(text.split(" ")));
    int changes = random.nextInt(3);
    for (int i = 0; i < changes && !words.isEmpty(); i++) {
      words.set(random.nextInt(words.size()), WORDS[random.nextInt(WORDS.length)]);
    }
    return String.join(" ", words).toUpperCase(Locale.ROOT);
  }

  /** Word trigrams as strings: the plain definition the hashes stand for. */
  private static double reference(String a, String b) {
    Set<String> x = trigrams(a);
    Set<String> y = trigrams(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    Set<String> common = new HashSet<>(x);
    common.retainAll(y);
    return common.size() / (double) (x.size() + y.size() - common.size());
  }

  private static Set<String> trigrams(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(Character.toLowerCase(cp));
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    });
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    Set<String> out = new HashSet<>();
    if (words.size() < 3) {
      out.addAll(words);
    }
    for (int i = 0; i + 2 < words.size(); i++) {
      out.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
    }
    return out;
  }
}
