package passagesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TagMatcherTest {
  /** A tag of one word pattern, compiled and keyed as the loader does it. */
  private static TagVocabulary vocabulary(String word, int flags) {
    Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + word + ")", flags);
    TagDefinition tag = new TagDefinition("t", "T", "topic", List.of(pattern), List.of(), List.of(), List.of(),
        List.of(TagMatcher.literalPrefix(word)));
    return new TagVocabulary(List.of(new TagGroup("topic", "Topic", List.of(tag))));
  }

  private static final int INSENSITIVE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  @Test
  void theLiteralPrefixStopsAtTheFirstSyntaxOrOptionalCharacter() {
    assertEquals("chemotherap", TagMatcher.literalPrefix("chemotherap"));
    assertEquals("side effect", TagMatcher.literalPrefix("side effects?"));
    assertEquals("acute myel", TagMatcher.literalPrefix("acute myel(?:oid|ogenous) leuka?emia"));
    assertEquals("abc", TagMatcher.literalPrefix("abc[|]"));
    assertEquals("ab", TagMatcher.literalPrefix("ab\\|c"));
  }

  @Test
  void aPatternWithATopLevelAlternativeHasNoPrefix() {
    assertEquals("", TagMatcher.literalPrefix("fooxyz|barbaz"));
    assertEquals("", TagMatcher.literalPrefix("foo(?:x)|bar"));
  }

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
}
