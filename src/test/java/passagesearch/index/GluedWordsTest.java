package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.junit.jupiter.api.Test;

/** Finding the known word a token is glued to ("Revumenibis", "heretyrosine"). */
class GluedWordsTest {
  private static final List<String> WORDS = List.of("ab", "abc", "ba", "cab", "bca", "revumenib", "tyrosine");

  /** Words of three letters and more: the filter then pre-checks a token's first and last three. */
  private static final List<String> LONGER = List.of("abc", "cab", "bca", "abcab", "cabca", "bbbaaa");

  private static GluedWordsFilter filter() {
    return filter(WORDS);
  }

  private static GluedWordsFilter filter(List<String> words) {
    return new GluedWordsFilter(new WhitespaceTokenizer(), new CharArraySet(words, false));
  }

  /** The rule, spelt out with substrings: the longest known head or tail, the first found on a tie. */
  private static String byDefinition(String token) {
    return byDefinition(WORDS, token);
  }

  private static String byDefinition(List<String> words, String token) {
    String best = null;
    for (int cut = 2; cut <= token.length() - 2; cut++) {
      String head = token.substring(0, cut);
      String tail = token.substring(cut);
      if (words.contains(head) && (best == null || head.length() > best.length())) {
        best = head;
      }
      if (words.contains(tail) && (best == null || tail.length() > best.length())) {
        best = tail;
      }
    }
    return best;
  }

  private static String found(GluedWordsFilter f, String token) {
    return f.gluedWord(token.toCharArray(), token.length());
  }

  @Test
  void examples() {
    GluedWordsFilter f = filter();
    assertEquals("revumenib", found(f, "revumenibis"));
    assertEquals("tyrosine", found(f, "heretyrosine"));
    assertNull(found(f, "imatinib"));
    assertNull(found(f, "abc"), "two letters must be left beside the word");
  }

  @Test
  void agreesWithTheDefinitionOnRandomTokens() {
    for (List<String> words : List.of(WORDS, LONGER)) {
      GluedWordsFilter f = filter(words);
      Random random = new Random(20261202);
      for (int n = 0; n < 50_000; n++) {
        StringBuilder token = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
          token.append("abc".charAt(random.nextInt(3)));
        }
        String t = token.toString();
        assertEquals(byDefinition(words, t), found(f, t), words + " " + t);
      }
    }
  }
}
