package passagesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One non-blank line of a plain-text document.
 *
 * @param start offset of the first non-space character
 * @param end offset just past the last non-space character
 * @param indent leading spaces (a tab counts four)
 * @param kind paragraph text, a {@code •} bullet or a {@code 1.} numbered item
 * @param content the trimmed line without its bullet or number
 * @param trimmed the trimmed line as it stands
 * @param mark for a Markdown heading ({@code ## Title}), its level: 1 for # and ##, 2 below; else 0
 */
record Line(int start, int end, int indent, Kind kind, String content, String trimmed, int mark) {
  enum Kind {
    TEXT,
    BULLET,
    NUMBERED
  }

  private static final Pattern BULLET = Pattern.compile("^[•▪◦●‣*-]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.)]\\s+(.*)$");
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*$");

  boolean isItem() {
    return kind != Kind.TEXT;
  }

  /** Whitespace, including the no-break spaces web pages leave at line ends. */
  static boolean blank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Splits a text into its non-blank lines, with offsets into the text. */
  static List<Line> scan(String text) {
    List<Line> lines = new ArrayList<>();
    int pos = 0;
    while (pos <= text.length()) {
      int nl = text.indexOf('\n', pos);
      int lineEnd = nl < 0 ? text.length() : nl;
      int s = pos;
      int indent = 0;
      while (s < lineEnd && blank(text.charAt(s))) {
        indent += text.charAt(s) == '\t' ? 4 : 1;
        s++;
      }
      int e = lineEnd;
      while (e > s && blank(text.charAt(e - 1))) {
        e--;
      }
      if (e > s) {
        String trimmed = text.substring(s, e);
        Matcher b = BULLET.matcher(trimmed);
        Matcher n = NUMBERED.matcher(trimmed);
        Matcher h = MARKDOWN_HEADING.matcher(trimmed);
        if (h.matches() && !h.group(2).isEmpty()) {
          lines.add(new Line(s, e, indent, Kind.TEXT, h.group(2), trimmed, h.group(1).length() <= 2 ? 1 : 2));
        } else if (b.matches()) {
          lines.add(new Line(s, e, indent, Kind.BULLET, b.group(1), trimmed, 0));
        } else if (n.matches()) {
          lines.add(new Line(s, e, indent, Kind.NUMBERED, n.group(1), trimmed, 0));
        } else {
          lines.add(new Line(s, e, indent, Kind.TEXT, trimmed, trimmed, 0));
        }
      }
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    return lines;
  }
}
