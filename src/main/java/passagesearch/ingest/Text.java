package passagesearch.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final Pattern EDGE_SPACE = Pattern.compile("^\\h+|\\h+$");
  private static final Pattern SPACE_RUN = Pattern.compile("\\h+");

  /**
   * The source's words with whitespace normalised: each line trimmed, runs of spaces and tabs collapsed
   * to one space, blank lines removed, lines joined with a newline. Nothing else changes.
   */
  public static String normalise(String s) {
    // Patterns compiled once: String.replaceAll compiles its pattern on every line of every document.
    StringBuilder out = new StringBuilder(s.length());
    for (String line : LINE_BREAK.split(s)) {
      String collapsed = SPACE_RUN.matcher(EDGE_SPACE.matcher(line).replaceAll("")).replaceAll(" ");
      if (!collapsed.isEmpty()) {
        if (!out.isEmpty()) {
          out.append('\n');
        }
        out.append(collapsed);
      }
    }
    return out.toString();
  }

  /** End offsets (exclusive, relative to {@code s}) of the sentences in a run of text. */
  public static List<Integer> sentenceEnds(String s) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
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
