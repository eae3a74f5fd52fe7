package passagesearch.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import passagesearch.embed.Encoder;

/**
 * The snippet of a passage found by meaning that shares no word with the query: its sentence nearest the
 * query by the same model, HTML-escaped and unmarked (nothing in it matched a word, so nothing is marked).
 *
 * <p>A sentence costs a model call (about a millisecond of a core), so the work is bounded: at most
 * {@link #MAX_SENTENCES} a passage, and their vectors kept per generation in a small least-recently-used
 * table ({@link #KEPT} sentences, about 1.6 KB each), as the passages that answer by meaning recur.
 */
final class MeaningSnippet {
  /** Sentences of a passage compared at most: a bound on the model's work per hit. */
  static final int MAX_SENTENCES = 8;
  /** Sentence vectors kept per generation: about 3 MB of heap. */
  static final int KEPT = 2_048;

  private final java.util.Map<String, float[]> kept = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, float[]> eldest) {
          return size() > KEPT;
        }
      });

  String of(String text, float[] query, Encoder encoder, int maxLength) {
    List<String> sentences = sentences(text);
    if (sentences.isEmpty()) {
      return "";
    }
    List<float[]> vectors = new ArrayList<>(sentences.size());
    for (String sentence : sentences) {
      float[] v = kept.get(sentence);
      if (v == null) {
        v = encoder.passage(sentence);
        kept.put(sentence, v);
      }
      vectors.add(v);
    }
    int best = 0;
    float bestScore = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < vectors.size(); i++) {
      float s = dot(query, vectors.get(i));
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return escape(cut(sentences.get(best), maxLength));
  }

  private static List<String> sentences(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE && out.size() < MAX_SENTENCES;
        start = end, end = it.next()) {
      String s = text.substring(start, end).strip();
      if (s.chars().anyMatch(Character::isLetter)) {
        out.add(s);
      }
    }
    return out;
  }

  /** At most {@code max} characters, cut at a word with an ellipsis. */
  private static String cut(String sentence, int max) {
    if (sentence.length() <= max) {
      return sentence;
    }
    int at = sentence.lastIndexOf(' ', max - 1);
    return sentence.substring(0, at > max / 2 ? at : max - 1).strip() + "…";
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Escaped as the highlighter escapes its snippets, so both kinds read the same in a page. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
