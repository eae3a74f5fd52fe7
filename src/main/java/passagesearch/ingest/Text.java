package passagesearch.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small text measures shared by the splitter and the tagger. */
public final class Text {
  private Text() {}

  /** Counts words: runs of non-space characters holding at least one letter or digit. */
  public static int words(CharSequence s) {
    int count = 0;
    boolean inToken = false;
    boolean hasAlnum = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (inToken && hasAlnum) {
          count++;
        }
        inToken = false;
        hasAlnum = false;
      } else {
        inToken = true;
        hasAlnum |= Character.isLetterOrDigit(c);
      }
    }
    return inToken && hasAlnum ? count + 1 : count;
  }

  /**
   * The source's words with whitespace normalised: each line trimmed, runs of spaces and tabs collapsed
   * to one space, blank lines removed, lines joined with a newline. Nothing else changes. Lines end as
   * {@code \R} ends them; spaces are those of {@code \h}. One pass, no regular expression: indexing calls this
   * for every passage, and the three patterns it replaced were a tenth of a SciFact build.
   */
  public static String normalise(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean lineHasWords = false;
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isLineBreak(c)) {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        lineHasWords = false;
        space = false;
      } else if (isHorizontalSpace(c)) {
        space = lineHasWords;
      } else {
        if (!lineHasWords) {
          if (!out.isEmpty()) {
            out.append('\n');
          }
          lineHasWords = true;
        } else if (space) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Java's {@code \h}. */
  private static boolean isHorizontalSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u1680' || c == '\u180E' || (c >= '\u2000' && c <= '\u200A')
        || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }

  /**
   * Derived text (a heading, a title) cut to at most {@code max} characters: at the last space before
   * the bound when there is one in its second half, else at the bound (never inside a surrogate pair),
   * with {@code …} standing for the rest.
   */
  public static String cutAtWord(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = wordBoundaryBefore(s, 0, max - 1);
    return s.substring(0, end).strip() + "…";
  }

  /**
   * Where to end a piece of {@code s} that starts at {@code from} and may reach {@code limit} (exclusive):
   * after the last whitespace in the piece's second half, else at {@code limit}, moved back one when that
   * would split a surrogate pair. Always greater than {@code from} when {@code limit > from + 1}.
   */
  static int wordBoundaryBefore(CharSequence s, int from, int limit) {
    for (int i = limit; i > from + (limit - from) / 2; i--) {
      if (Line.blank(s.charAt(i - 1))) {
        return i;
      }
    }
    return Character.isHighSurrogate(s.charAt(limit - 1)) && Character.isLowSurrogate(s.charAt(limit))
        ? limit - 1 : limit;
  }

  /** End offsets (exclusive, relative to {@code s}) of the sentences in a run of text. */
  public static List<Integer> sentenceEnds(String s) {
    BreakIterator it = new ArrayTextBreaks(BreakIterator.getSentenceInstance(Locale.ENGLISH));
    it.setText(s);
    List<Integer> ends = new ArrayList<>();
    for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
      int trimmed = end;
      while (trimmed > 0 && Line.blank(s.charAt(trimmed - 1))) {
        trimmed--;
      }
      if (trimmed > 0 && (ends.isEmpty() || trimmed > ends.get(ends.size() - 1))) {
        ends.add(trimmed);
      }
    }
    return ends;
  }
}
