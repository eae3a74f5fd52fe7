package passagesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;

class TagMatcherTest {
  /** A tag of one word pattern, compiled and keyed as the loader does it. */
  private static TagVocabulary vocabulary(String word, int flags) {
    Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + word + ")", flags);
    TagDefinition tag = new TagDefinition("t", "T", "topic", List.of(pattern), List.of(), List.of(), List.of(),
        List.of(RegexLiterals.prefix(word)));
    return new TagVocabulary(List.of(new TagGroup("topic", "Topic", List.of(tag))));
  }

  private static final int INSENSITIVE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  @Test
  void eachTopLevelAlternativeMatches() {
    TagVocabulary tags = vocabulary("fooxyz|barbaz", INSENSITIVE);
    assertEquals(List.of("t"), tags.matching("the fooxyz here"));
    assertEquals(List.of("t"), tags.matching("the Barbaz here"));
  }

  @Test
  void theWholePrefixIsComparedAsThePatternComparesIt() {
    TagVocabulary words = vocabulary("chemotherap", INSENSITIVE);
    assertEquals(List.of("t"), words.matching("After CHEMOTHERAPY, rest."));
    assertEquals(List.of("t"), words.matching("After Chemotherapies"));
    assertEquals(List.of(), words.matching("A chemical, a chemotherm"));
    TagVocabulary acronym = vocabulary("ALL\\b", 0);
    assertEquals(List.of("t"), acronym.matching("Treatment for ALL."));
    assertEquals(List.of(), acronym.matching("Treatment for All."));
  }

  /**
   * The project's vocabulary finds a tag in a text exactly when one of its patterns occurs there, over texts
   * made of the patterns' own prefixes, brands and acronyms in random case and with random separators: the
   * lookup by the first three letters and the prefix check before a pattern runs skip only what cannot match.
   */
  @Test
  void theVocabularyFindsExactlyWhatItsPatternsFind() {
    TagVocabulary tags = TestSupport.loadConfig().tags();
    List<String> pieces = new ArrayList<>(List.of("haematologist", "hematologist", "Ph+ ALL", "İstanbul", "straße"));
    for (TagDefinition t : tags.all()) {
      pieces.addAll(t.prefixes());
      pieces.addAll(t.brands());
      pieces.addAll(t.acronyms());
    }
    String[] separators = {" ", "-", "\n", "", ". ", "/", "x"};
    Random random = new Random(14);
    int matched = 0;
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(6); i >= 0; i--) {
        for (char c : pieces.get(random.nextInt(pieces.size())).toCharArray()) {
          text.append(random.nextInt(4) == 0 ? Character.toUpperCase(c) : c);
        }
        text.append(separators[random.nextInt(separators.length)]);
      }
      List<String> expected = new ArrayList<>();
      for (TagDefinition t : tags.all()) {
        if (!tags.setAsideTags().contains(t.id()) && t.patterns().stream().anyMatch(p -> p.matcher(text).find())) {
          expected.add(t.id());
        }
      }
      assertEquals(expected, tags.matching(text), text.toString());
      matched += expected.size();
    }
    assertTrue(matched > 3000, "the texts name tags: " + matched);
  }
}
