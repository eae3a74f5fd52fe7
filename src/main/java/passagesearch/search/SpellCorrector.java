package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import passagesearch.index.Fields;
import passagesearch.query.ParsedQuery;
import passagesearch.query.Word;

/**
 * Corrects query words found nowhere: not in the corpus's words, not in the vocabulary (synonyms,
 * brands, spelling variants), not in English ({@link EnglishWords}), not a stop or question word. Each is
 * replaced by the closest corpus word within the allowed edits, one with the same stem when the index holds
 * the word's stem ("vincristin" → "vincristine"). A word the corpus, the vocabulary or English knows is never
 * touched, so a correct query is never "corrected": "will I lose my hair" is not "will I loss my hair"
 * because no page says "lose".
 */
final class SpellCorrector {
  private final IndexReader reader;
  private final Analyzer analyzer;
  private final Set<String> knownWords;
  private final EnglishWords english;
  private final int maxEdits;
  private final int minLength;
  /**
   * Unknown words already looked up in this generation, with what they were corrected to. Building the
   * edit-distance automata is most of a misspelt query's cost, and the same misspellings come back; the
   * answer cannot change while the generation is served. Emptied when it reaches its bound.
   */
  private final ConcurrentMap<String, Optional<String>> corrections = new ConcurrentHashMap<>();
  private static final int MAX_REMEMBERED = 10_000;
  /** Near corpus words looked at for one with the same terms as a word the index holds by its stem. */
  private static final int SAME_TERMS_CANDIDATES = 5;

  SpellCorrector(IndexReader reader, Analyzer analyzer, Set<String> knownWords, EnglishWords english, int maxEdits,
      int minLength) {
    this.reader = reader;
    this.analyzer = analyzer;
    this.knownWords = knownWords;
    this.english = english;
    this.maxEdits = maxEdits;
    this.minLength = Math.max(minLength, 2);
  }

  /**
   * The query with its unknown words read as the closest corpus words (a capital kept), and what changed;
   * the same query when all its words are known.
   */
  ParsedQuery correct(ParsedQuery query) throws IOException {
    if (maxEdits == 0) {
      return query;
    }
    Map<String, String> fixes = new LinkedHashMap<>();
    for (Word w : query.words()) {
      String word = w.text();
      String fix = fixes.containsKey(word) ? null : suggestion(word);
      if (fix != null) {
        fixes.put(word, Character.isUpperCase(word.charAt(0))
            ? Character.toUpperCase(fix.charAt(0)) + fix.substring(1)
            : fix);
      }
    }
    return query.corrected(fixes);
  }

  /** The word's terms as a query word: none for a stop or question word. */
  private List<String> terms(String word) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms;
  }

  /**
   * Whether the word means something here: a word of the configuration, of the corpus, or of English
   * ("xyzzy" and "qwerty" are none of these).
   */
  boolean knows(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    try {
      return knownWords.contains(lower) || knownWords.contains(word)
          || reader.docFreq(new Term(Fields.WORDS, lower)) > 0 || english.contains(word);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the index holds one of the terms: the word finds passages as it is ("vincristin", "vincristine"). */
  private boolean indexed(List<String> terms) throws IOException {
    for (String term : terms) {
      if (reader.docFreq(new Term(Fields.TEXT, term)) > 0) {
        return true;
      }
    }
    return false;
  }

  private String suggestion(String word) throws IOException {
    String lower = word.toLowerCase(Locale.ROOT);
    if (word.length() < minLength || knownWords.contains(lower) || knownWords.contains(word)
        || reader.docFreq(new Term(Fields.WORDS, lower)) > 0) {
      return null;
    }
    List<String> terms = terms(word);
    if (terms.isEmpty() || english.contains(word)) {
      return null;
    }
    Optional<String> seen = corrections.get(lower);
    if (seen != null) {
      return seen.orElse(null);
    }
    String found = closest(lower, indexed(terms) ? terms : null);
    if (corrections.size() >= MAX_REMEMBERED) {
      corrections.clear();
    }
    corrections.put(lower, Optional.ofNullable(found));
    return found;
  }

  /**
   * The corpus word closest to an unknown one, by edit distance then frequency; null when none is near. A
   * word whose terms the index already holds ("chemotherapie" is stemmed as "chemotherapy" is) is read only
   * as a corpus word with those same terms: the reader sees the pages' spelling, and the search finds what
   * the word as typed found.
   */
  private String closest(String lower, List<String> sameTerms) throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(lower.length() >= 8 ? maxEdits : Math.min(1, maxEdits));
    checker.setMinPrefix(0);
    checker.setAccuracy(0.6f);
    SuggestWord[] found = checker.suggestSimilar(new Term(Fields.WORDS, lower), sameTerms == null ? 1 : SAME_TERMS_CANDIDATES,
        reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    for (SuggestWord candidate : found) {
      if (sameTerms == null || terms(candidate.string).equals(sameTerms)) {
        return candidate.string;
      }
    }
    return null;
  }
}
