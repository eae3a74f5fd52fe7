package passagesearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How operands join, written as text: {@code +x} must, {@code x} should, {@code -x} must not, {@code *} everything. */
class JoiningTest {
  /** Words are written as typed; "the" has no searchable word. */
  static final Joining<String> AS_TEXT = new Joining<>(new Joining.Writer<>() {
    @Override
    public String operand(Node node) {
      return switch (node) {
        case Node.Term t -> t.text().equals("the") ? null : t.text();
        case Node.Phrase p -> '"' + p.text() + '"';
        default -> node.toString();
      };
    }

    @Override
    public String bool(List<Joining.Part<String>> parts) {
      return parts.stream().map(p -> switch (p.occur()) {
        case MUST -> "+" + p.query();
        case SHOULD -> p.query();
        case MUST_NOT -> "-" + p.query();
      }).collect(Collectors.joining(" ", "(", ")"));
    }

    @Override
    public String everything() {
      return "*";
    }

    @Override
    public String nothing(String why) {
      return "nothing: " + why;
    }
  });

  static String joined(String query) {
    return AS_TEXT.query(QueryParser.parse(query).clauses());
  }

  @Test
  void operandsJoinAsTypedReadLeftToRight() {
    assertEquals("(a b c)", joined("a b c"));
    assertEquals("(+(a b) +c)", joined("a | b + c"));
    assertEquals("((+a +b) c)", joined("a + b | c"));
    assertEquals("(+a +b +c)", joined("a +b +c"));
    assertEquals("(+(a b) +c)", joined("(a b) +c"));
    assertEquals("a", joined("a"));
  }

  @Test
  void anExclusionAmongOptionalWordsExcludesForReal() {
    assertEquals("(a -b)", joined("a -b"));
    assertEquals("(a -b c)", joined("a -b c"));
    assertEquals("(a -\"stem cell\")", joined("a -\"stem cell\""));
    // Inside a group it stays "anything without b": the repair is the whole query's.
    assertEquals("(+x +(a (-b *)))", joined("x +(a -b)"));
    // Required, it is already an exclusion.
    assertEquals("(+a +(-b *))", joined("a +-b"));
  }

  @Test
  void exclusionsAloneFindNothingAndOneAloneFindsTheRest() {
    assertEquals("nothing: only exclusions", joined("-a -b"));
    assertEquals("(-b *)", joined("-b"));
  }

  @Test
  void operandsWithoutSearchableWordsAreSkippedAndTheirOperatorWaits() {
    assertEquals("(+a +b)", joined("a + the b"));
    assertEquals("nothing: empty string passed to query parser", joined("the"));
    assertEquals("(a b)", joined("a + () b"));
    assertEquals("(a *)", joined("a *"));
  }
}
