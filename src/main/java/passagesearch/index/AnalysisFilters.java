package passagesearch.index;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/** The small token filters of {@link PassageAnalyzer}'s chain. */
final class AnalysisFilters {
  private AnalysisFilters() {}

  /** Marks tokens spelled exactly as an acronym as keywords. */
  static final class AcronymMarker extends TokenFilter {
    private final CharArraySet acronyms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    AcronymMarker(TokenStream in, CharArraySet acronyms) {
      super(in);
      this.acronyms = acronyms;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (acronyms.contains(term.buffer(), 0, term.length())) {
        keyword.setKeyword(true);
      }
      return true;
    }
  }

  /** Lower-cases every token except those marked as keywords. */
  static final class KeywordAwareLowerCase extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    KeywordAwareLowerCase(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (!keyword.isKeyword()) {
        CharacterUtils.toLowerCase(term.buffer(), 0, term.length());
      }
      return true;
    }
  }

  /** Replaces a spelling variant by its indexed form (leukaemia to leukemia). */
  static final class Spelling extends TokenFilter {
    private final Map<String, String> spellings;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    Spelling(TokenStream in, Map<String, String> spellings) {
      super(in);
      this.spellings = spellings;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (!keyword.isKeyword() && !spellings.isEmpty()) {
        String replacement = spellings.get(term.toString());
        if (replacement != null) {
          term.setEmpty().append(replacement);
        }
      }
      return true;
    }
  }

  /**
   * Also indexes a known word glued to a neighbour: a token that starts or ends with one (and is not
   * one) gets that word at the same position. The token itself stays.
   */
  static final class GluedWords extends TokenFilter {
    private static final int MIN_REST = 2;
    private final CharArraySet words;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private AttributeSource.State pendingState;
    private String pendingWord;

    GluedWords(TokenStream in, CharArraySet words) {
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

  /** Removes stop words, except tokens marked as keywords. */
  static final class KeywordAwareStop extends FilteringTokenFilter {
    private final CharArraySet stopWords;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    KeywordAwareStop(TokenStream in, CharArraySet stopWords) {
      super(in);
      this.stopWords = stopWords;
    }

    @Override
    protected boolean accept() {
      return keyword.isKeyword() || !stopWords.contains(term.buffer(), 0, term.length());
    }
  }
}
