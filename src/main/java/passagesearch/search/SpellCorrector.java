package passagesearch.search;

import java.io.IOException;
import java.util.LinkedHashMap;
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
 * brands, spelling variants), not in English ({@link EnglishWords}). Each is replaced by the closest corpus
 * word within the allowed edits. A word the corpus, the vocabulary or English knows is never touched, so a
 * correct query is never "corrected": "will I lose my hair" is not "will I loss my hair" because no page
 * says "lose".
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

  /**
   * Whether the word, analysed as a query word, is a stop or question word (no terms) or has a form the
   * index holds ("happens" is fine when "happen" is indexed).
   */
  private boolean indexedForm(String word) throws IOException {
    boolean anyTerm = false;
    try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        anyTerm = true;
        if (reader.docFreq(new Term(Fields.TEXT, term.toString())) > 0) {
          return true;
        }
      }
      ts.end();
    }
    return !anyTerm;
  }

  private String suggestion(String word) throws IOException {
    String lower = word.toLowerCase(Locale.ROOT);
    if (word.length() < minLength || knownWords.contains(lower) || knownWords.contains(word)
        || reader.docFreq(new Term(Fields.WORDS, lower)) > 0 || indexedForm(word) || english.contains(word)) {
      return null;
    }
    Optional<String> seen = corrections.get(lower);
    if (seen != null) {
      return seen.orElse(null);
    }
    String found = closest(lower);
    if (corrections.size() >= MAX_REMEMBERED) {
      corrections.clear();
    }
    corrections.put(lower, Optional.ofNullable(found));
    return found;
  }

  /** The corpus word closest to an unknown one, by edit distance then frequency; null when none is near. */
  private String closest(String lower) throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(lower.length() >= 8 ? maxEdits : Math.min(1, maxEdits));
    checker.setMinPrefix(0);
    checker.setAccuracy(0.6f);
    SuggestWord[] found = checker.suggestSimilar(new Term(Fields.WORDS, lower), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    return found.length == 0 ? null : found[0].string;
  }
}
