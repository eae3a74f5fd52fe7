package passagesearch.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.VectorUtil;
import passagesearch.embed.Encoder;
import passagesearch.ingest.Text;

/**
 * The snippet of a passage found by meaning that shares no word with the query: its sentence nearest the
 * query by the same model, escaped as the highlighter escapes and unmarked (nothing in it matched a word,
 * so nothing is marked), cut at a word as derived text is ({@link Text#cutAtWord}).
 *
 * <p>A sentence costs a model call (about a millisecond of a core), so the work is bounded: at most
 * {@link #MAX_SENTENCES} a passage, and their vectors kept per generation in a small least-recently-used
 * table of at most {@link #KEPT} sentences of at most {@link KeptVectors#MAX_CHARS} characters (a sentence
 * with no end in sight, up to a passage's 8,000 characters, is embedded but not kept): at most about 7 MB.
 */
final class MeaningSnippet {
  /** Sentences of a passage compared at most: a bound on the model's work per hit. */
  static final int MAX_SENTENCES = 8;
  /** Sentence vectors kept per generation. */
  static final int KEPT = 2_048;

  private final KeptVectors kept;

  /** @param counters where the kept sentence vectors' look-ups count, across generations */
  MeaningSnippet(CacheCounters counters) {
    this.kept = new KeptVectors(KEPT, counters);
  }

  String of(String text, float[] query, Encoder encoder, int maxLength) {
    List<String> sentences = sentences(text);
    if (sentences.isEmpty()) {
      return "";
    }
    return Snippets.escape(Text.cutAtWord(sentences.get(nearest(sentences, query, encoder)), maxLength));
  }

  /** Which sentence is nearest the query; a passage of one sentence costs no model call. */
  private int nearest(List<String> sentences, float[] query, Encoder encoder) {
    if (sentences.size() == 1) {
      return 0;
    }
    int best = 0;
    float bestScore = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < sentences.size(); i++) {
      float s = VectorUtil.dotProduct(query, vector(sentences.get(i), encoder));
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /** The kept sentence vectors: how often they spared the model, and how many are kept. */
  KeptTableStats stats() {
    return kept.stats();
  }

  /** A sentence's vector, kept when the sentence is short enough to keep. */
  private float[] vector(String sentence, Encoder encoder) {
    return kept.get(sentence, encoder::passage);
  }

  /** The passage's first {@link #MAX_SENTENCES} sentences that hold a letter, trimmed. */
  private static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int end : Text.sentenceEnds(text)) {
      String s = text.substring(start, end).strip();
      start = end;
      if (s.chars().anyMatch(Character::isLetter)) {
        out.add(s);
        if (out.size() == MAX_SENTENCES) {
          break;
        }
      }
    }
    return out;
  }

  /** Characters of the sentences kept, for the bound's test. */
  int keptChars() {
    return kept.keptChars();
  }
}
