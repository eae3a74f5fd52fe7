package passagesearch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spelling corrector's vocabulary of a passage: runs of letters (what {@code \p{L}} matches,
 * {@link Character#isLetter(int)}) in its text and headings, lower-cased a code point at a time, each word
 * once. Both engines index these words (the Lucene index's {@code words} field, the cluster's suggestion
 * counts), so a misspelt word is corrected alike.
 */
public final class SurfaceWords {
  private SurfaceWords() {}

  /** The distinct words of a passage's text and headings, in the order first met. */
  public static Set<String> of(Passage passage) {
    List<String> texts = new ArrayList<>(passage.headings().size() + 1);
    texts.add(passage.text());
    texts.addAll(passage.headings());
    return of(texts);
  }

  /** The distinct words of the texts, in the order first met; a word never runs on from one text into the next. */
  static Set<String> of(Iterable<String> texts) {
    Set<String> words = new LinkedHashSet<>();
    StringBuilder word = new StringBuilder();
    for (String text : texts) {
      add(text, word, words);
    }
    return words;
  }

  private static void add(String text, StringBuilder word, Set<String> words) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        word.appendCodePoint(Character.toLowerCase(cp));
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
      word.setLength(0);
    }
  }
}
