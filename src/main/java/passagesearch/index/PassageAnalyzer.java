package passagesearch.index;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ProtectedTermFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import passagesearch.config.Vocabulary;

/**
 * The analyzer for passage text, headings and titles, in three variants over one chain: the index adds
 * glued words, the expanded query adds synonyms, queries drop question words too. The chain, in order:
 *
 * <ol>
 *   <li>{@link StandardTokenizer}: Unicode word boundaries; hyphens split (CAR-T, T-cell).
 *   <li>{@link EnglishPossessiveFilter}: drops a trailing 's.
 *   <li>{@link WordDelimiterGraphFilter}, flattened: splits letters from digits, so a citation number glued to
 *       a word ("effects3") does not hide the word.
 *   <li>{@link SetKeywordMarkerFilter}: a token spelled exactly as a known acronym (ALL, CNS) is a keyword,
 *       kept as written: "ALL" and "all" differ.
 *   <li>{@link LowerCaseFilter}, acronyms spared by a {@link ProtectedTermFilter}.
 *   <li>{@link SpellingFilter}: British forms to the indexed (American) form (spelling.txt).
 *   <li>Index only: {@link GluedWordsFilter}: "revumenibis" is also indexed as "revumenib".
 *   <li>Expanded query only: {@link SynonymGraphFilter} over synonyms.txt and drug brands.
 *   <li>{@link StopFilter}: English stop words, for queries question-words.txt too; acronyms spared by a
 *       {@link ProtectedTermFilter}.
 *   <li>{@link PorterStemFilter}, which leaves keywords (acronyms) as they are.
 * </ol>
 *
 * <p>{@link #normalize}, for a prefix or fuzzy term, lower-cases.
 */
public final class PassageAnalyzer extends Analyzer {
  /** The three variants over one vocabulary. */
  public record Set(PassageAnalyzer index, PassageAnalyzer query, PassageAnalyzer expanded) {}

  private static final int WORD_DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
      | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;

  private final CharArraySet acronyms;
  private final CharArrayMap<String> spellingMap;
  private final CharArraySet glued; // null but for the index
  private final SynonymMap synonyms; // null but for the expanded query
  private final CharArraySet stopWords;

  private PassageAnalyzer(CharArraySet acronyms, Map<String, String> spellings, CharArraySet glued,
      SynonymMap synonyms, CharArraySet stopWords) {
    this.acronyms = acronyms;
    this.spellingMap = CharArrayMap.unmodifiableMap(new CharArrayMap<>(spellings, false));
    this.glued = glued;
    this.synonyms = synonyms;
    this.stopWords = stopWords;
  }

  public static Set build(java.util.Set<String> acronymWords, Vocabulary vocabulary) {
    CharArraySet acronyms = CharArraySet.unmodifiableSet(new CharArraySet(acronymWords, false));
    Map<String, String> spellings = vocabulary.spellings();
    CharArraySet glued = CharArraySet.unmodifiableSet(new CharArraySet(vocabulary.gluedWords(), false));
    CharArraySet queryStops = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    queryStops.addAll(vocabulary.questionWords());
    queryStops = CharArraySet.unmodifiableSet(queryStops);
    // Synonym entries are read through the chain up to the synonym step, so they match what it meets.
    SynonymMap map = synonymMap(vocabulary, new PassageAnalyzer(acronyms, spellings, null, null, null));
    return new Set(
        new PassageAnalyzer(acronyms, spellings, glued, null, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
        new PassageAnalyzer(acronyms, spellings, null, null, queryStops),
        new PassageAnalyzer(acronyms, spellings, null, map.fst == null ? null : map, queryStops));
  }

  private static SynonymMap synonymMap(Vocabulary vocabulary, Analyzer entries) {
    try {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
      parser.parse(new StringReader(String.join("\n", vocabulary.synonymRules())));
      return parser.build();
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new IndexException("synonyms.txt or a drug's brands in tags.yaml cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new WordDelimiterGraphFilter(result, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
        WORD_DELIMITER_FLAGS, null);
    result = new FlattenGraphFilter(result);
    result = new SetKeywordMarkerFilter(result, acronyms);
    result = new ProtectedTermFilter(acronyms, result, LowerCaseFilter::new);
    result = new SpellingFilter(result, spellingMap);
    if (stopWords == null) {
      return new TokenStreamComponents(source, result); // the synonym entries' chain ends here
    }
    if (glued != null) {
      result = new GluedWordsFilter(result, glued);
    }
    if (synonyms != null) {
      result = new SynonymGraphFilter(result, synonyms, false); // the chain has lower-cased all but acronyms
    }
    result = new ProtectedTermFilter(acronyms, result, in -> new StopFilter(in, stopWords));
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
