package passagesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;

class RegexLiteralsTest {
  private static final int INSENSITIVE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  @Test
  void theLiteralPrefixStopsAtTheFirstSyntaxOrOptionalCharacter() {
    assertEquals("chemotherap", RegexLiterals.prefix("chemotherap"));
    assertEquals("side effect", RegexLiterals.prefix("side effects?"));
    assertEquals("acute myel", RegexLiterals.prefix("acute myel(?:oid|ogenous) leuka?emia"));
    assertEquals("abc", RegexLiterals.prefix("abc[|]"));
    assertEquals("ab", RegexLiterals.prefix("ab\\|c"));
  }

  @Test
  void aPatternWithATopLevelAlternativeHasNoPrefix() {
    assertEquals("", RegexLiterals.prefix("fooxyz|barbaz"));
    assertEquals("", RegexLiterals.prefix("foo(?:x)|bar"));
  }

  @Test
  void eachTopLevelAlternativeGivesItsPrefixOrNoneAtAll() {
    assertEquals(List.of("dynamically translates web content", "Google Translate"),
        RegexLiterals.alternativePrefixes("dynamically translates web content|Google Translate", 3));
    assertEquals(List.of("foo", "bar"), RegexLiterals.alternativePrefixes("foo(?:x|y)|bar[|]z", 3));
    assertEquals(List.of(), RegexLiterals.alternativePrefixes("^Translate$", 3), "an anchor is no literal");
    assertEquals(List.of(), RegexLiterals.alternativePrefixes("Google|ab", 3), "one alternative is too short");
    assertEquals(List.of(), RegexLiterals.alternativePrefixes("(?-i)Google", 3), "flags first: no literal");
  }

  @Test
  void aLineWithoutAnyCluesIsNotTriedAndOneWithThemIsFoldedAsTheRegexFoldsIt() {
    LineRule rule = new LineRule(Pattern.compile("dynamically translates web content|Google Translate", INSENSITIVE),
        "translation notice", null);
    assertEquals(List.of("dynamically translates web content", "google translate"), rule.clues());
    assertTrue(rule.matches("This page is shown through GOOGLE TRANSLATE."));
    // The long s folds to s (its upper case is S), as the regular expression compares it: lower-casing the
    // line instead would miss this match.
    assertTrue(rule.matches("The site dynamically tran\u017Flates web content"));
    assertFalse(rule.matches("Translate"));
    LineRule free = new LineRule(Pattern.compile("^Translate$", INSENSITIVE), "widget", null);
    assertEquals(List.of(), free.clues());
    assertTrue(free.matches("translate"));
  }

  /** Every rule of the real boilerplate.yaml, and some written to be awkward, say what their regex says. */
  @Test
  void rulesMatchExactlyTheLinesTheirRegularExpressionsFind() throws IOException {
    List<LineRule> rules = new ArrayList<>();
    IndexConfig config = TestSupport.loadConfig();
    rules.addAll(config.boilerplate().dropLines());
    rules.addAll(config.boilerplate().asideLines());
    for (String regex : List.of("Google Translate|dynamic", "(?-i)Google Translate|caf\u00e9 au lait",
        "stra\u00dfe|\u00b5g per dose", "ki\u0307ds|Kelvin scale", "side effects?|risks")) {
      rules.add(new LineRule(Pattern.compile(regex, INSENSITIVE), "awkward", null));
      rules.add(new LineRule(Pattern.compile(regex), "awkward, case-sensitive", null));
    }
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(TestSupport.corpus())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Files.readAllLines(file).forEach(line -> lines.add(line.strip()));
      }
    }
    String letters = "aAgGoOlLeEtTrRnNsS\u017F\u0131IiKk\u212A\u00b5\u039C\u03BC\u00df \u00e9\u00c9";
    Random random = new Random(7);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder line = new StringBuilder();
      String seed = List.of("google translate", "Dynamically", "caf\u00c9 AU LAIT", "STRASSE", "\u039cG PER DOSE",
          "\u212Aelvin scale", "SIDE EFFECT", "Risks").get(random.nextInt(8));
      for (int c = 0; c < seed.length(); c++) {
        line.append(random.nextInt(6) == 0 ? letters.charAt(random.nextInt(letters.length())) : seed.charAt(c));
      }
      lines.add(line.toString());
    }
    int matched = 0;
    for (LineRule rule : rules) {
      for (String line : lines) {
        boolean expected = rule.pattern().matcher(line).find();
        assertEquals(expected, rule.matches(line), rule.pattern() + " on \"" + line + "\"");
        matched += expected ? 1 : 0;
      }
    }
    assertTrue(matched > 500, "the awkward lines must match often enough to test anything: " + matched);
  }
}
