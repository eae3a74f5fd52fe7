package passagesearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
   */
  static boolean[] find(List<Line> lines, SplitSettings settings, boolean[] content) {
    List<List<String>> sentences = new ArrayList<>();
    Map<String, Integer> owner = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      List<String> keys = new ArrayList<>();
      Line line = lines.get(i);
      if (line.kind() == Line.Kind.TEXT && content[i]) {
        String s = line.trimmed();
        int from = 0;
        for (int end : Text.sentenceEnds(s)) {
          String key = s.substring(from, end).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
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
}
