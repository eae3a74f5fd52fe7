package passagesearch.index;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The analyzer for passage text, headings and titles, the same at index and query time.
 *
 * <ol>
 *   <li>{@link StandardTokenizer}: Unicode word boundaries; hyphens split (CAR-T, T-cell).
 *   <li>{@link EnglishPossessiveFilter}: drops a trailing 's.
 *   <li>{@link WordDelimiterGraphFilter}: splits letters from digits, so a citation number glued to a
 *       word ("effects3") does not hide the word.
 *   <li>Acronym marker: a token spelled exactly as a known acronym (ALL, CNS) is marked a keyword and
 *       kept as written, so it is neither lower-cased, nor a stop word, nor stemmed: "ALL" the disease and
 *       "all" the word are different terms.
 *   <li>Lower case (keywords kept), then English stop words (keywords kept), then {@link PorterStemFilter}
 *       (keywords untouched).
 * </ol>
 */
public final class PassageAnalyzer extends Analyzer {
  private static final int WORD_DELIMITER_FLAGS =
      WordDelimiterGraphFilter.GENERATE_WORD_PARTS
          | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
          | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;

  private final CharArraySet acronyms;
  private final CharArraySet stopWords = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  /** @param acronyms words matched case-sensitively and kept whole (from the tag vocabulary) */
  public PassageAnalyzer(Set<String> acronyms) {
    this.acronyms = CharArraySet.unmodifiableSet(new CharArraySet(acronyms, false));
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new WordDelimiterGraphFilter(result, true, org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
        WORD_DELIMITER_FLAGS, null);
    result = new FlattenGraphFilter(result);
    result = new AcronymMarker(result, acronyms);
    result = new KeywordAwareLowerCaseFilter(result);
    result = new KeywordAwareStopFilter(result, stopWords);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  /** Marks tokens spelled exactly as an acronym as keywords. */
  private static final class AcronymMarker extends TokenFilter {
    private final CharArraySet acronyms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    AcronymMarker(TokenStream in, CharArraySet acronyms) {
      super(in);
      this.acronyms = acronyms;
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
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
  private static final class KeywordAwareLowerCaseFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    KeywordAwareLowerCaseFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (!keyword.isKeyword()) {
        org.apache.lucene.analysis.CharacterUtils.toLowerCase(term.buffer(), 0, term.length());
      }
      return true;
    }
  }

  /** Removes stop words, except tokens marked as keywords. */
  private static final class KeywordAwareStopFilter extends FilteringTokenFilter {
    private final CharArraySet stopWords;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    KeywordAwareStopFilter(TokenStream in, CharArraySet stopWords) {
      super(in);
      this.stopWords = stopWords;
    }

    @Override
    protected boolean accept() {
      return keyword.isKeyword() || !stopWords.contains(term.buffer(), 0, term.length());
    }
  }
}
