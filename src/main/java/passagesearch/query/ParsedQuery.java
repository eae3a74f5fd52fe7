package passagesearch.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query as understood: read once by {@link QueryParser}, then corrected and tagged, each step making a
 * new one. Everything after the parser reads this, never the text as typed.
 *
 * @param typed the query as received, kept only to show it back with its corrections ({@link #searched()})
 * @param clauses its operands in the order typed, with their operators and exclusions
 * @param words its words as typed, in order: what spelling may correct
 * @param looseWords the words that are not excluded, without syntax, as synonyms, proximity and tags read them
 *     (see {@link FreeWords})
 * @param excludedWords the words typed with a {@code -}, without syntax
 * @param corrections misspelt words and what they were read as, in the order typed; empty when none
 * @param tags the tags the query names ({@link Tags#NONE} until recognised)
 */
public record ParsedQuery(String typed, List<Clause> clauses, List<Word> words, String looseWords,
    String excludedWords, Map<String, String> corrections, Tags tags) {
  public ParsedQuery {
    clauses = List.copyOf(clauses);
    words = List.copyOf(words);
    corrections = Collections.unmodifiableMap(new LinkedHashMap<>(corrections));
  }

  /** The same query with each word that has a fix read as that fix; this one when there are none. */
  public ParsedQuery corrected(Map<String, String> fixes) {
    if (fixes.isEmpty()) {
      return this;
    }
    return new ParsedQuery(typed, clauses.stream().map(c -> c.corrected(fixes)).toList(), words,
        Word.correct(looseWords, fixes), Word.correct(excludedWords, fixes), fixes, tags);
  }

  /**
   * Its free words outside quoted phrases: what synonyms expand and what may name a tag that finds a passage
   * alone. A quoted phrase is matched as typed, its spelling variants included, never by its synonyms.
   */
  public String wordsOutsidePhrases() {
    return FreeWords.outsidePhrases(clauses);
  }

  /** The same query with the tags it names. */
  public ParsedQuery withTags(Tags found) {
    return new ParsedQuery(typed, clauses, words, looseWords, excludedWords, corrections, found);
  }

  /**
   * Whether the query was written with search syntax (a quoted phrase, a prefix, a fuzzy word, a
   * {@code +} anywhere): it then asks for exactly what it says.
   */
  public boolean usesSyntax() {
    return usesSyntax(clauses);
  }

  private static boolean usesSyntax(List<Clause> clauses) {
    for (Clause c : clauses) {
      if (c.operator() == Clause.Operator.ALL) {
        return true;
      }
      Node n = c.node();
      if (n instanceof Node.Group g ? usesSyntax(g.clauses()) : !(n instanceof Node.Term || n instanceof Node.Empty)) {
        return true;
      }
    }
    return false;
  }

  /** The query as typed with its corrections in place: what was searched. */
  public String searched() {
    if (corrections.isEmpty()) {
      return typed;
    }
    StringBuilder out = new StringBuilder(typed.length());
    int last = 0;
    for (Word w : words) {
      String fix = corrections.get(w.text());
      if (fix != null) {
        out.append(typed, last, w.start()).append(fix);
        last = w.end();
      }
    }
    return out.append(typed, last, typed.length()).toString();
  }
}
