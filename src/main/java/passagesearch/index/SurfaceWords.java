package passagesearch.index;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * The spelling corrector's vocabulary of a passage ({@link Fields#WORDS}): runs of letters (what
 * {@code \p{L}} matches, {@link Character#isLetter(int)}), lower-cased a code point at a time, each word
 * once. The field is read only for which words exist and in how many passages (document frequency), so it
 * is indexed without frequencies, positions or norms, one term per distinct word: in a build, the text's
 * every word with its positions made this field about half of the postings the index writer assembled and
 * flushed (SciFact 4x, JFR).
 */
final class SurfaceWords {
  private static final FieldType DOCS_ONLY = new FieldType();

  static {
    DOCS_ONLY.setIndexOptions(IndexOptions.DOCS);
    DOCS_ONLY.setTokenized(true);
    DOCS_ONLY.setOmitNorms(true);
    DOCS_ONLY.freeze();
  }

  private SurfaceWords() {}

  /** The distinct words of the texts, in the order first met. */
  static Set<String> of(Iterable<String> texts) {
    Set<String> words = new LinkedHashSet<>();
    StringBuilder word = new StringBuilder();
    for (String text : texts) {
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
    return words;
  }

  /** The field of a passage's words, one term each, ready to index (no analyzer reads it again). */
  static Field field(Iterable<String> texts) {
    return new Field(Fields.WORDS, new Listed(of(texts)), DOCS_ONLY);
  }

  /** A token stream over words already made. */
  private static final class Listed extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Set<String> words;
    private Iterator<String> next;

    Listed(Set<String> words) {
      this.words = words;
    }

    @Override
    public void reset() {
      next = words.iterator();
    }

    @Override
    public boolean incrementToken() {
      if (!next.hasNext()) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(next.next());
      return true;
    }
  }
}
