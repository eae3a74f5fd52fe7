package passagesearch.index;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
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
 *   <li>{@link WordDelimiterGraphFilter}: splits letters from digits, so a citation number glued to a word
 *       ("effects3") does not hide the word. It neither joins parts nor keeps the original, so its output is
 *       one token after another, a graph already flat: no FlattenGraphFilter (which saved and restored every
 *       token, some 5% of an index build).
 *   <li>{@link SetKeywordMarkerFilter}: a token spelled exactly as a known acronym (ALL, CNS) is a keyword,
 *       kept as written: "ALL" and "all" differ.
 *   <li>{@link LowerCaseFilter}'s lower-casing, acronyms (the keywords just marked) spared.
 *   <li>{@link SpellingFilter}: British forms to the indexed (American) form (spelling.txt).
 *   <li>Index only: {@link GluedWordsFilter}: "revumenibis" is also indexed as "revumenib".
 *   <li>Expanded query only: {@link SynonymGraphFilter} over synonyms.txt and drug brands.
 *   <li>{@link StopFilter}: English stop words, for queries question-words.txt too; acronyms spared by a
 *       {@link ProtectedTermFilter}.
 *   <li>{@link PorterStemFilter}, which leaves keywords (acronyms) as they are.
 * </ol>
 *
 * <p>{@link #normalize} is the chain for a prefix or fuzzy term: acronyms as written, all else lower case.
 * Spelling variants are whole words, so a prefix meets them through {@link #indexedPrefixes}.
 */
public final class PassageAnalyzer extends Analyzer {
  /** The three variants over one vocabulary. */
  public record Set(PassageAnalyzer index, PassageAnalyzer query, PassageAnalyzer expanded) {}

  private static final int WORD_DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
      | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;
  /** A prefix that would also mean more indexed prefixes than this is searched as typed. */
  private static final int MAX_INDEXED_PREFIXES = 16;

  private final CharArraySet acronyms;
  private final Map<String, String> spellings;
  private final CharArrayMap<String> spellingMap;
  private final CharArraySet glued; // null but for the index
  private final SynonymMap synonyms; // null but for the expanded query
  private final CharArraySet stopWords; // null for the synonym entries, read up to the spelling step only

  private PassageAnalyzer(CharArraySet acronyms, Map<String, String> spellings, CharArraySet glued,
      SynonymMap synonyms, CharArraySet stopWords) {
    this.acronyms = acronyms;
    this.spellings = spellings;
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
    result = new SetKeywordMarkerFilter(result, acronyms);
    // Keywords are the acronyms (nothing earlier marks a token): the same as
    // ProtectedTermFilter(acronyms, result, LowerCaseFilter::new), without a second look-up.
    result = new LowerCaseUnlessKeywordFilter(result);
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
    return new ProtectedTermFilter(acronyms, in, LowerCaseFilter::new);
  }

  /**
   * The prefixes a normalised prefix also means in the index, where spelling variants are held in their
   * indexed form: a prefix of a variant also means the same prefix of the variant's form ("leukaem", of
   * leukaemia, means "leukem", of leukemia), or the whole form when the prefix ends before the respelled part
   * does ("leuka" means leukemia). Prefixes the typed one already covers are left out.
   */
  public List<String> indexedPrefixes(String prefix) {
    TreeSet<String> meant = new TreeSet<>();
    spellings.forEach((variant, form) -> {
      if (variant.startsWith(prefix)) {
        String rest = variant.substring(prefix.length());
        int shared = Arrays.mismatch(variant.toCharArray(), form.toCharArray()); // where the respelling starts
        boolean past = form.endsWith(rest) && form.length() - rest.length() > shared;
        String indexed = past ? form.substring(0, form.length() - rest.length()) : form;
        if (!indexed.startsWith(prefix)) {
          meant.add(indexed);
        }
      }
    });
    List<String> prefixes = new ArrayList<>();
    for (String p : meant) { // sorted, so a prefix comes just before the ones it covers
      if (prefixes.isEmpty() || !p.startsWith(prefixes.getLast())) {
        prefixes.add(p);
      }
    }
    return prefixes.size() > MAX_INDEXED_PREFIXES ? List.of() : prefixes;
  }
}
