package passagesearch.index;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Also indexes a known word glued to a neighbour: a token that starts or ends with one (and is not
 * one) gets that word at the same position. The token itself stays; keywords pass untouched. Written by hand:
 * Lucene's {@code DictionaryCompoundWordTokenFilter}, the nearest, adds every dictionary word found anywhere in
 * the token, not the one longest head or tail.
 */
final class GluedWordsFilter extends TokenFilter {
  private static final int MIN_REST = 2;
  private final CharArraySet words;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
  private AttributeSource.State pendingState;
  private String pendingWord;

  GluedWordsFilter(TokenStream in, CharArraySet words) {
    super(in);
    this.words = words;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pendingWord != null) {
      restoreState(pendingState);
      term.setEmpty().append(pendingWord);
      position.setPositionIncrement(0);
      pendingWord = null;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword() && !words.isEmpty() && !words.contains(term.buffer(), 0, term.length())) {
      String found = gluedWord(term.buffer(), term.length());
      if (found != null) {
        pendingState = captureState();
        pendingWord = found;
      }
    }
    return true;
  }

  /**
   * The longest known word the token starts or ends with (leaving at least {@link #MIN_REST} letters),
   * the first found on a tie; null when none. Looked up in the term's own buffer: every token of every
   * passage comes through here, and a substring per cut was a tenth of a SciFact build.
   */
  String gluedWord(char[] token, int length) {
    int bestStart = -1;
    int bestLength = 0;
    for (int cut = MIN_REST; cut <= length - MIN_REST; cut++) {
      if (cut > bestLength && words.contains(token, 0, cut)) {
        bestStart = 0;
        bestLength = cut;
      }
      int tail = length - cut;
      if (tail > bestLength && words.contains(token, cut, tail)) {
        bestStart = cut;
        bestLength = tail;
      }
    }
    return bestStart < 0 ? null : new String(token, bestStart, bestLength);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pendingWord = null;
    pendingState = null;
  }
}
