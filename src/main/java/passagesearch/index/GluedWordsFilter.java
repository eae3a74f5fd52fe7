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
  /** The shortest and longest known word, and how many letters {@link #starts} and {@link #ends} hold. */
  private final int minLength;
  private final int maxLength;
  private final int affix;
  /** The first and the last {@link #affix} letters of every known word. */
  private final CharArraySet starts;
  private final CharArraySet ends;
  private AttributeSource.State pendingState;
  private String pendingWord;

  GluedWordsFilter(TokenStream in, CharArraySet words) {
    super(in);
    this.words = words;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (Object word : words) {
      min = Math.min(min, ((char[]) word).length);
      max = Math.max(max, ((char[]) word).length);
    }
    this.minLength = min;
    this.maxLength = max;
    this.affix = Math.min(3, min);
    this.starts = new CharArraySet(words.size(), false);
    this.ends = new CharArraySet(words.size(), false);
    for (Object o : words) {
      char[] word = (char[]) o;
      starts.add(new String(word, 0, affix));
      ends.add(new String(word, word.length - affix, affix));
    }
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
   * passage comes through here, and a substring per cut was a tenth of a SciFact build. A token whose
   * first (last) few letters begin (end) no known word is not looked up further, and only lengths that
   * some known word has are tried, longest first: most tokens cost two look-ups, not two per letter.
   */
  String gluedWord(char[] token, int length) {
    int head = 0;
    int tail = 0;
    int longest = Math.min(length - MIN_REST, maxLength);
    int shortest = Math.max(MIN_REST, minLength);
    if (longest >= shortest && starts.contains(token, 0, affix)) {
      for (int cut = longest; cut >= shortest && head == 0; cut--) {
        head = words.contains(token, 0, cut) ? cut : 0;
      }
    }
    if (longest >= shortest && ends.contains(token, length - affix, affix)) {
      for (int cut = longest; cut >= shortest && tail == 0; cut--) {
        tail = words.contains(token, length - cut, cut) ? cut : 0;
      }
    }
    if (head == 0 && tail == 0) {
      return null;
    }
    // Cuts were tried from the left, the head before the tail at each: a head and a tail of the same
    // length k were found head first when k <= length - k.
    boolean byHead = head > tail || head == tail && head <= length - head;
    return byHead ? new String(token, 0, head) : new String(token, length - tail, tail);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pendingWord = null;
    pendingState = null;
  }
}
