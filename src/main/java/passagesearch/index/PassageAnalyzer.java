package passagesearch.index;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import passagesearch.config.Vocabulary;

/**
 * The analyzer for passage text, headings and titles. Index and query share one chain; the index adds
 * glued-word splitting, the expanded query adds synonyms.
 *
 * <ol>
 *   <li>{@link StandardTokenizer}: Unicode word boundaries; hyphens split (CAR-T, T-cell).
 *   <li>{@link EnglishPossessiveFilter}: drops a trailing 's.
 *   <li>{@link WordDelimiterGraphFilter}: splits letters from digits, so a citation number glued to a
 *       word ("effects3") does not hide the word.
 *   <li>{@link AnalysisFilters.AcronymMarker}: a token spelled exactly as a known acronym (ALL, CNS) is
 *       kept as written: not lower-cased, not a stop word, not stemmed. "ALL" and "all" differ.
 *   <li>Lower case, then {@link AnalysisFilters.Spelling}: British forms to the indexed (American) form.
 *   <li>Index only: {@link AnalysisFilters.GluedWords}: "revumenibis" is also indexed as "revumenib".
 *   <li>Expanded query only: {@link SynonymGraphFilter} over synonyms.txt and drug brands.
 *   <li>English stop words, and for queries the question words of question-words.txt (acronyms kept),
 *       then {@link PorterStemFilter} (acronyms untouched).
 * </ol>
 */
public final class PassageAnalyzer extends Analyzer {
  /** Which variant of the chain. */
  public enum Mode {
    INDEX,
    QUERY,
    EXPANDED
  }

  private static final int WORD_DELIMITER_FLAGS =
      WordDelimiterGraphFilter.GENERATE_WORD_PARTS
          | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
          | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;

  private final Mode mode;
  private final CharArraySet acronyms;
  private final Map<String, String> spellings;
  private final CharArraySet glued;
  private final SynonymMap synonyms;
  private final CharArraySet stopWords;

  private PassageAnalyzer(Mode mode, CharArraySet acronyms, Map<String, String> spellings, CharArraySet glued,
      SynonymMap synonyms, CharArraySet stopWords) {
    this.mode = mode;
    this.acronyms = acronyms;
    this.spellings = spellings;
    this.glued = glued;
    this.synonyms = synonyms;
    this.stopWords = stopWords;
  }

  /** The three variants over one vocabulary. */
  public record Set(PassageAnalyzer index, PassageAnalyzer query, PassageAnalyzer expanded) {}

  public static Set build(java.util.Set<String> acronymWords, Vocabulary vocabulary) {
    CharArraySet acronyms = CharArraySet.unmodifiableSet(new CharArraySet(acronymWords, false));
    CharArraySet glued = CharArraySet.unmodifiableSet(new CharArraySet(vocabulary.gluedWords(), false));
    Map<String, String> spellings = vocabulary.spellings();
    CharArraySet queryStops = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    queryStops.addAll(vocabulary.questionWords());
    queryStops = CharArraySet.unmodifiableSet(queryStops);
    SynonymMap map = synonymMap(vocabulary, acronyms, spellings);
    return new Set(
        new PassageAnalyzer(Mode.INDEX, acronyms, spellings, glued, null, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
        new PassageAnalyzer(Mode.QUERY, acronyms, spellings, glued, null, queryStops),
        new PassageAnalyzer(Mode.EXPANDED, acronyms, spellings, glued, map, queryStops));
  }

  private static SynonymMap synonymMap(Vocabulary vocabulary, CharArraySet acronyms, Map<String, String> spellings) {
    // Synonym entries are read through the chain up to the synonym step, so they match what it meets.
    Analyzer entries = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, normalised(source, acronyms, spellings));
      }
    };
    try {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
      parser.parse(new StringReader(String.join("\n", vocabulary.synonymRules())));
      return parser.build();
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new IndexException("synonyms.txt or a drug's brands in tags.yaml cannot be read: " + e.getMessage(), e);
    }
  }

  private static TokenStream normalised(TokenStream source, CharArraySet acronyms, Map<String, String> spellings) {
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new WordDelimiterGraphFilter(result, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
        WORD_DELIMITER_FLAGS, null);
    result = new FlattenGraphFilter(result);
    result = new AnalysisFilters.AcronymMarker(result, acronyms);
    result = new AnalysisFilters.KeywordAwareLowerCase(result);
    return new AnalysisFilters.Spelling(result, spellings);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = normalised(source, acronyms, spellings);
    if (mode == Mode.INDEX) {
      result = new AnalysisFilters.GluedWords(result, glued);
    }
    if (mode == Mode.EXPANDED && synonyms.fst != null) {
      result = new SynonymGraphFilter(result, synonyms, false); // the chain has lower-cased all but acronyms
    }
    result = new AnalysisFilters.KeywordAwareStop(result, stopWords);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
