package passagesearch.query;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word as typed, the unit spelling corrects: a letter followed by letters and digits.
 *
 * @param text the word
 * @param start where it starts in the query as typed (UTF-16 units)
 * @param end where it ends in the query as typed
 */
public record Word(String text, int start, int end) {
  static final Pattern LETTERS = Pattern.compile("[\\p{L}][\\p{L}\\p{N}]*");

  /** The text with each whole word that has a fix replaced by it. */
  static String correct(String text, Map<String, String> fixes) {
    if (fixes.isEmpty()) {
      return text;
    }
    Matcher m = LETTERS.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      String fix = fixes.get(m.group());
      if (fix != null) {
        out.append(text, last, m.start()).append(fix);
        last = m.end();
      }
    }
    return out.append(text, last, text.length()).toString();
  }
}
