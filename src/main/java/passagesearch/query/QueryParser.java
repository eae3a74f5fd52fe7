package passagesearch.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what a person typed into a {@link ParsedQuery}, once, and never fails: the syntax of Lucene's
 * {@code SimpleQueryParser}, read the same way (so the same text means the same search), plus {@code OR}
 * between spaces read as {@code |}. Unbalanced quotes and brackets are ignored, a {@code -} or operator
 * with nothing to apply to is ignored, {@code \} escapes the next character.
 */
public final class QueryParser {
  private QueryParser() {}

  public static ParsedQuery parse(String typed) {
    List<Word> words = new ArrayList<>();
    List<Clause> clauses = "*".equals(typed.trim())
        ? List.of(new Clause(null, false, new Node.Everything()))
        : new OperandReader(orAsBar(typed), 0, typed.length(), words).read();
    return new ParsedQuery(typed, clauses, words, FreeWords.included(clauses), FreeWords.excluded(clauses), Map.of(),
        Tags.NONE);
  }

  /** The text with each {@code OR} that has white space on both sides read as {@code |} (and a space). */
  private static char[] orAsBar(String typed) {
    char[] data = typed.toCharArray();
    for (int i = 1; i + 2 < data.length; i++) {
      if (typed.charAt(i) == 'O' && typed.charAt(i + 1) == 'R'
          && isSpace(typed.charAt(i - 1)) && isSpace(typed.charAt(i + 2))) {
        data[i] = '|';
        data[i + 1] = ' ';
      }
    }
    return data;
  }

  /** White space as regular expressions' {@code \s} has it. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
