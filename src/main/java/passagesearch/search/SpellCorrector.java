package passagesearch.search;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import passagesearch.config.IndexConfig;
import passagesearch.config.TagDefinition;
import passagesearch.query.ParsedQuery;
import passagesearch.query.Word;

/**
 * Corrects query words found nowhere: not in the corpus's words, not in the vocabulary (synonyms,
 * brands, spelling variants), not in English ({@link EnglishWords}), not a stop or question word. Each is
 * replaced by the closest corpus word within the allowed edits, one with the same stem when the index holds
 * the word's stem ("vincristin" → "vincristine"). A word the corpus, the vocabulary or English knows is never
 * touched, so a correct query is never "corrected": "will I lose my hair" is not "will I loss my hair"
 * because no page says "lose".
 *
 * <p>One for each generation served, by either engine: what it asks of the index goes through a
 * {@link Lexicon}, the embedded index's or an OpenSearch generation's, so both engines read a query alike.
 */
public final class SpellCorrector {
  private final Lexicon lexicon;
  private final Set<String> knownWords;
  private final EnglishWords english;
  private final int maxEdits;
  private final int minLength;
  /**
   * Words already looked up in this generation, with what they were corrected to (empty: left as typed). The
   * look-ups are most of a misspelt query's cost (edit-distance automata; requests to a cluster), and the same
   * words come back; the answer cannot change while the generation is served. Emptied when it reaches its bound.
   */
  private final ConcurrentMap<String, Optional<String>> corrections = new ConcurrentHashMap<>();
  private static final int MAX_REMEMBERED = 10_000;
  /** Near corpus words looked at for one with the same terms as a word the index holds by its stem. */
  private static final int SAME_TERMS_CANDIDATES = 5;

  SpellCorrector(Lexicon lexicon, Set<String> knownWords, EnglishWords english, int maxEdits, int minLength) {
    this.lexicon = lexicon;
    this.knownWords = knownWords;
    this.english = english;
    this.maxEdits = maxEdits;
    this.minLength = Math.max(minLength, 2);
  }

  /**
   * A corrector for a generation: the configuration's vocabulary and edits, the English word lists (one for
   * the process, shared by its generations), the generation's words through {@code lexicon}.
   */
  public static SpellCorrector of(Lexicon lexicon, IndexConfig config, EnglishWords english) {
    return new SpellCorrector(lexicon, knownWords(config), english, config.ranking().correctionMaxEdits(),
        config.ranking().correctionMinLength());
  }

  /**
   * The query with its unknown words read as the closest corpus words (a capital kept), and what changed;
   * the same query when all its words are known.
   */
  public ParsedQuery correct(ParsedQuery query) {
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

  private String suggestion(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (word.length() < minLength || knownWords.contains(lower) || knownWords.contains(word)) {
      return null;
    }
    Optional<String> seen = corrections.get(word);
    if (seen != null) {
      return seen.orElse(null);
    }
    String found = lookUp(word, lower);
    if (corrections.size() >= MAX_REMEMBERED) {
      corrections.clear();
    }
    corrections.put(word, Optional.ofNullable(found));
    return found;
  }

  /**
   * Whether the word means something here: a word of the configuration, of the corpus, or of English
   * ("xyzzy" and "plugh" are none of these).
   */
  public boolean knows(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return knownWords.contains(lower) || knownWords.contains(word) || lexicon.isCorpusWord(lower)
        || english.contains(word);
  }

  /** The correction of a word the vocabulary does not know; null when the corpus or English knows it. */
  private String lookUp(String word, String lower) {
    if (lexicon.isCorpusWord(lower) || english.contains(word)) {
      return null;
    }
    List<String> terms = lexicon.terms(word);
    if (terms.isEmpty()) {
      return null;
    }
    return closest(lower, lexicon.indexed(terms) ? terms : null);
  }

  /**
   * The corpus word closest to an unknown one, by edit distance then frequency; null when none is near. A
   * word whose terms the index already holds ("chemotherapie" is stemmed as "chemotherapy" is) is read only
   * as a corpus word with those same terms: the reader sees the pages' spelling, and the search finds what
   * the word as typed found.
   */
  private String closest(String lower, List<String> sameTerms) {
    int edits = lower.length() >= 8 ? maxEdits : Math.min(1, maxEdits);
    for (String candidate : lexicon.near(lower, edits, sameTerms == null ? 1 : SAME_TERMS_CANDIDATES)) {
      if (sameTerms == null || lexicon.terms(candidate).equals(sameTerms)) {
        return candidate;
      }
    }
    return null;
  }

  /** Words the vocabulary knows though the corpus may not: never corrected. */
  static Set<String> knownWords(IndexConfig config) {
    Set<String> words = new HashSet<>();
    for (String rule : config.vocabulary().synonymRules()) {
      for (String w : rule.split("[^\\p{L}\\p{N}]+")) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    config.vocabulary().spellings().forEach((variant, form) -> {
      words.add(variant);
      words.add(form);
    });
    for (TagDefinition t : config.tags().all()) {
      for (String w : (t.id() + " " + t.label() + " " + String.join(" ", t.brands())).split("[^\\p{L}\\p{N}]+")) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    config.tags().acronyms().forEach(a -> words.add(a.toLowerCase(Locale.ROOT)));
    return Set.copyOf(words);
  }
}
