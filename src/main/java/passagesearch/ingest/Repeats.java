package passagesearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import passagesearch.config.SplitSettings;

/**
 * Finds paragraphs that repeat the document's own later text, as a page that opens with a summary of
 * its body does. Each sentence belongs to the last paragraph that holds it; a paragraph is a repeat when
 * most of its words are in sentences that belong elsewhere.
 */
final class Repeats {
  private Repeats() {}

  /**
   * @param content which lines are content paragraphs (not headings, chrome or set-aside text)
   * @param sentenceEnds {@link Text#sentenceEnds} of a line's trimmed text, by line index
   */
  static boolean[] find(List<Line> lines, SplitSettings settings, boolean[] content,
      IntFunction<List<Integer>> sentenceEnds) {
    int paragraphs = 0;
    for (int i = 0; i < lines.size() && paragraphs < 2; i++) {
      paragraphs += lines.get(i).kind() == Line.Kind.TEXT && content[i] ? 1 : 0;
    }
    if (paragraphs < 2) {
      return new boolean[lines.size()]; // a paragraph alone repeats nothing (an abstract, a short answer)
    }
    List<List<String>> sentences = new ArrayList<>();
    Map<String, Integer> owner = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      List<String> keys = new ArrayList<>();
      Line line = lines.get(i);
      if (line.kind() == Line.Kind.TEXT && content[i]) {
        String s = line.trimmed();
        int from = 0;
        for (int end : sentenceEnds.apply(i)) {
          String key = collapseSpaces(s.substring(from, end).strip()).toLowerCase(Locale.ROOT);
          keys.add(key);
          owner.put(key, i);
          from = end;
        }
      }
      sentences.add(keys);
    }
    boolean[] repeats = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      int total = 0;
      int elsewhere = 0;
      for (String key : sentences.get(i)) {
        int words = Text.words(key);
        total += words;
        if (words >= settings.repeatMinWords() && owner.get(key) != i) {
          elsewhere += words;
        }
      }
      repeats[i] = total > 0 && elsewhere >= settings.repeatShare() * total;
    }
    return repeats;
  }

  /** {@code s.replaceAll("\\s+", " ")} without a regular expression: \\s is [ \\t\\n\\x0B\\f\\r]. */
  static String collapseSpaces(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      int end = i + 1;
      while (end < s.length() && isSpace(s.charAt(end))) {
        end++;
      }
      if (out == null) {
        if (c == ' ' && end == i + 1) {
          continue; // a single space stays as it is
        }
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      out.append(' ');
      i = end - 1;
    }
    return out == null ? s : out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
