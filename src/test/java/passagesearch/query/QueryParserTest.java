package passagesearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import passagesearch.query.Clause.Operator;
import passagesearch.query.Node.Empty;
import passagesearch.query.Node.Everything;
import passagesearch.query.Node.Fuzzy;
import passagesearch.query.Node.Group;
import passagesearch.query.Node.Phrase;
import passagesearch.query.Node.Prefix;
import passagesearch.query.Node.Term;

class QueryParserTest {
  static Clause any(Node node) {
    return new Clause(null, false, node);
  }

  @Test
  void wordsPhrasesExclusionsAndOperatorsAreOperands() {
    assertEquals(List.of(any(new Term("blinatumomab")), any(new Term("side")), any(new Term("effects"))),
        QueryParser.parse("blinatumomab side effects").clauses());
    assertEquals(List.of(any(new Phrase("stem cell", 0)), new Clause(null, true, new Term("children"))),
        QueryParser.parse("\"stem cell\" -children").clauses());
    assertEquals(List.of(any(new Term("imatinib")), new Clause(Operator.ANY, false, new Term("dasatinib"))),
        QueryParser.parse("imatinib OR dasatinib").clauses());
    assertEquals(QueryParser.parse("imatinib OR dasatinib").clauses(), QueryParser.parse("imatinib | dasatinib").clauses());
    assertEquals(List.of(any(new Group(List.of(any(new Term("a")), any(new Term("b"))))),
        new Clause(Operator.ALL, false, new Term("c"))), QueryParser.parse("(a b) +c").clauses());
    assertEquals(List.of(any(new Prefix("relaps")), any(new Fuzzy("remision", 1)), any(new Phrase("side effects", 3))),
        QueryParser.parse("relaps* remision~1 \"side effects\"~3").clauses());
    assertEquals(List.of(any(new Empty()), any(new Term("a"))), QueryParser.parse("() a").clauses());
    assertEquals(List.of(any(new Everything())), QueryParser.parse(" * ").clauses());
  }

  @Test
  void whatIsNotSyntaxIsIgnoredNeverAnError() {
    assertEquals(List.of(), QueryParser.parse("-").clauses());
    assertEquals(List.of(), QueryParser.parse("+(").clauses());
    assertEquals(List.of(any(new Term("unbalanced")), any(new Term("quote"))),
        QueryParser.parse("\"unbalanced quote").clauses());
    assertEquals(List.of(any(new Term("a"))), QueryParser.parse("--a").clauses(), "two dashes cancel");
    assertEquals(List.of(any(new Term("a"))), QueryParser.parse("- a").clauses(), "a dash applies only next to a word");
  }

  @Test
  void freeWordsAreReadFromTheOperands() {
    ParsedQuery q = QueryParser.parse("transplant -\"stem cell\" OR (relapse -cure) remision~1 \"side effects\"~3");
    assertEquals("transplant relapse remision side effects", q.looseWords());
    assertEquals("stem cell cure", q.excludedWords());
    assertEquals("transplant relapse remision", q.wordsOutsidePhrases());
  }

  @Test
  void aCorrectedQueryKeepsWhatWasTypedAroundTheFixedWords() {
    ParsedQuery q = QueryParser.parse("Imatanib  side efects -imatanib");
    assertSame(q, q.corrected(Map.of()));
    ParsedQuery fixed = q.corrected(Map.of("Imatanib", "Imatinib", "efects", "effects"));
    assertEquals("Imatinib  side effects -imatanib", fixed.searched());
    assertEquals(Map.of("Imatanib", "Imatinib", "efects", "effects"), fixed.corrections());
    assertEquals(new Term("effects"), fixed.clauses().get(2).node());
    assertEquals("Imatinib side effects", fixed.looseWords());
  }

  /**
   * Every piece of syntax but {@code \}: a word escaped in its middle ({@code x1y\Imatanib}) is one word to
   * the model and was two to the old rewrite (a known difference, of no consequence to a reader).
   */
  static final String[] PIECES = {"imatanib", "Imatanib", "side", "efects", "ALL", "OR", "|", "+", "-", "\"", "(",
      ")", "*", "~", "~1", "stem", "cell", "anti-CD52", "x1y", "é", "1", "\t", " ", " "};
  static final Map<String, String> FIXES = Map.of("imatanib", "imatinib", "Imatanib", "Imatinib", "efects",
      "effects", "stem", "stemm", "x1y", "xy", "é", "ée");
  static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}]*");

  /** How spelling rewrote the text before the model: every whole word with a fix replaced. */
  static String rewritten(String typed) {
    Matcher m = WORD.matcher(typed);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(typed, last, m.start()).append(FIXES.getOrDefault(m.group(), m.group()));
      last = m.end();
    }
    return out.append(typed.substring(last)).toString();
  }

  @Test
  void correctingTheModelMeansWhatReadingTheRewrittenTextMeant() {
    Random random = new Random(20261203L);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder q = new StringBuilder();
      for (int n = random.nextInt(8); n >= 0; n--) {
        q.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? " " : "");
      }
      String typed = q.toString();
      ParsedQuery fixed = QueryParser.parse(typed).corrected(FIXES);
      ParsedQuery reread = QueryParser.parse(rewritten(typed));
      assertEquals(rewritten(typed), fixed.searched(), typed);
      assertEquals(reread.clauses(), fixed.clauses(), typed);
      assertEquals(reread.looseWords(), fixed.looseWords(), typed);
      assertEquals(reread.excludedWords(), fixed.excludedWords(), typed);
    }
  }
}
