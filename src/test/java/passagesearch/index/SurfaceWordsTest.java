package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The spelling corrector's words: runs of {@code \p{L}}, lower-cased. */
class SurfaceWordsTest {
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  private static List<String> byDefinition(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = LETTERS.matcher(text);
    while (m.find()) {
      StringBuilder lower = new StringBuilder();
      m.group().codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
      words.add(lower.toString());
    }
    return words;
  }

  private static List<String> analysed(Analyzer analyzer, String text) throws IOException {
    List<String> words = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.WORDS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        words.add(term.toString());
      }
      ts.end();
    }
    return words;
  }

  @Test
  void examples() throws IOException {
    assertEquals(List.of("side", "effects", "car", "t", "cells", "ß", "αβγ", "naïve", "𝐀bc"),
        analysed(IndexStore.surfaceWords(), "Side effects3 CAR-T cells, ß ΑΒΓ naïve 𝐀Bc 42"));
  }

  @Test
  void agreesWithTheRegularExpressionOnRandomText() throws IOException {
    String alphabet = "aZé1 -'\u0301\u00A0ΣσИ中𝐀𝟙\uD800\tÅı";
    Random random = new Random(20261203);
    Analyzer analyzer = IndexStore.surfaceWords();
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        int at = random.nextInt(alphabet.length());
        text.append(alphabet.charAt(at));
        if (Character.isHighSurrogate(alphabet.charAt(at)) && at + 1 < alphabet.length() && random.nextBoolean()) {
          text.append(alphabet.charAt(at + 1));
        }
      }
      String t = text.toString();
      assertEquals(byDefinition(t), analysed(analyzer, t), t.toLowerCase(Locale.ROOT));
    }
  }
}
