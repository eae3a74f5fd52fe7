package passagesearch.index;

import java.io.IOException;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Replaces a spelling variant by its indexed form (leukaemia to leukemia); keywords pass untouched. Written by
 * hand because Lucene's {@code StemmerOverrideFilter}, the nearest, marks what it replaces as a keyword, so the
 * stemmer would then skip it (leukaemias would stay leukemias rather than meet leukemia).
 */
final class SpellingFilter extends TokenFilter {
  private final CharArrayMap<String> spellings;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  SpellingFilter(TokenStream in, CharArrayMap<String> spellings) {
    super(in);
    this.spellings = spellings;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword()) {
      String replacement = spellings.get(term.buffer(), 0, term.length());
      if (replacement != null) {
        term.setEmpty().append(replacement);
      }
    }
    return true;
  }
}
