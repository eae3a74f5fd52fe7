package passagesearch.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One pass over a query, or over the inside of a bracket, operand by operand, as Lucene's
 * {@code SimpleQueryParser} reads it: the same characters end a word, open a phrase or a group, and are
 * ignored when nothing matches them. Each operand's words, with where they were typed, join the query's.
 */
final class OperandReader {
  private final char[] data;
  private final int end;
  private final List<Word> words;
  private final List<Clause> clauses = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final List<Integer> from = new ArrayList<>();
  private int index;
  private int not;
  private Clause.Operator operator;

  OperandReader(char[] data, int start, int end, List<Word> words) {
    this.data = data;
    this.index = start;
    this.end = end;
    this.words = words;
  }

  List<Clause> read() {
    while (index < end) {
      char c = data[index];
      if (c == '(') {
        group();
      } else if (c == ')') {
        index++;
      } else if (c == '"') {
        phrase();
      } else if (c == '+' || c == '|') {
        if (operator == null) {
          operator = c == '+' ? Clause.Operator.ALL : Clause.Operator.ANY;
        }
        index++;
      } else if (c == '-') {
        not++;
        index++;
        continue; // "-" counts only directly before an operand
      } else if (isWhitespace(c)) {
        index++;
      } else {
        term();
      }
      not = 0;
    }
    return clauses;
  }

  private void add(Node node) {
    clauses.add(new Clause(operator, not % 2 == 1, node));
    operator = null;
  }

  private void group() {
    int start = ++index;
    int depth = 1;
    boolean escaped = false;
    while (index < end) {
      if (!escaped) {
        if (data[index] == '\\') {
          escaped = true;
          index++;
          continue;
        } else if (data[index] == '(') {
          depth++;
        } else if (data[index] == ')' && --depth == 0) {
          break;
        }
      }
      escaped = false;
      index++;
    }
    if (index == end) {
      index = start; // never closed: the bracket is ignored
    } else if (index == start) {
      add(new Node.Empty());
      index++;
    } else {
      add(new Node.Group(new OperandReader(data, start, index, words).read()));
      index++;
    }
  }

  private void phrase() {
    int start = ++index;
    clearText();
    boolean escaped = false;
    boolean slop = false;
    while (index < end) {
      if (!escaped) {
        if (data[index] == '\\') {
          escaped = true;
          index++;
          continue;
        } else if (data[index] == '"') {
          if (end > index + 1 && data[index + 1] == '~') {
            index++;
            slop = end > index + 1;
          }
          break;
        }
      }
      escaped = false;
      copy();
    }
    if (index == end) {
      index = start; // never closed: the quote is ignored
    } else if (index == start) {
      add(new Node.Empty());
      index++;
    } else {
      String phrase = takeText();
      add(new Node.Phrase(phrase, slop ? fuzziness() : 0));
      index++;
    }
  }

  private void term() {
    clearText();
    boolean escaped = false;
    boolean prefix = false;
    boolean fuzzy = false;
    while (index < end) {
      if (!escaped) {
        if (data[index] == '\\') {
          escaped = true;
          prefix = false;
          index++;
          continue;
        } else if (finishesToken(data[index])) {
          break;
        } else if (!text.isEmpty() && data[index] == '~') {
          fuzzy = true;
          break;
        }
        prefix = !text.isEmpty() && data[index] == '*';
      }
      escaped = false;
      copy();
    }
    if (text.isEmpty()) {
      return;
    }
    if (fuzzy) {
      String word = takeText();
      int edits = Math.min(fuzziness(), 2);
      add(edits == 0 ? new Node.Term(word) : new Node.Fuzzy(word, edits));
    } else if (prefix) {
      text.setLength(text.length() - 1);
      from.removeLast();
      add(new Node.Prefix(takeText()));
    } else {
      add(new Node.Term(takeText()));
    }
  }

  /** The number after a {@code ~} at the index: 2 when none is given, 0 when it is not a number. */
  private int fuzziness() {
    if (data[index] != '~') {
      return 0;
    }
    clearText();
    while (index < end) {
      index++;
      if (index < end) {
        if (finishesToken(data[index])) {
          break;
        }
        text.append(data[index]);
        from.add(index);
      }
    }
    String digits = takeText(); // letters typed here are words too: spelling reads them
    try {
      return digits.isEmpty() ? 2 : Math.max(0, Integer.parseInt(digits));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void copy() {
    text.append(data[index]);
    from.add(index);
    index++;
  }

  private void clearText() {
    text.setLength(0);
    from.clear();
  }

  /** The operand's text; its words, with where each was typed, join the query's words. */
  private String takeText() {
    String s = text.toString();
    Matcher m = Word.LETTERS.matcher(s);
    while (m.find()) {
      words.add(new Word(m.group(), from.get(m.start()), from.get(m.end() - 1) + 1));
    }
    return s;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean finishesToken(char c) {
    return c == '"' || c == '|' || c == '+' || c == '(' || c == ')' || isWhitespace(c);
  }
}
