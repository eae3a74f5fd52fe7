package passagesearch.search;

import java.util.List;

/**
 * What spelling correction ({@link SpellCorrector}) asks of an engine's index, so both engines correct a query
 * the same way: the embedded index answers from its Lucene reader, an OpenSearch cluster from the served
 * generation's fields (its term suggester is the same DirectSpellChecker).
 */
public interface Lexicon {
  /** Whether a passage's text or headings use the word as written (lower case letters). */
  boolean isCorpusWord(String lower);

  /** The word's terms as a query's words are analysed: none for a stop or question word. */
  List<String> terms(String word);

  /** Whether a passage's text holds one of these terms: a word with these terms finds passages as it is. */
  boolean indexed(List<String> terms);

  /**
   * Up to {@code n} corpus words within {@code maxEdits} of a word the corpus does not use, closest first (by
   * Lucene's DirectSpellChecker: Levenshtein similarity of at least 0.6, no prefix required, then frequency).
   */
  List<String> near(String lower, int maxEdits, int n);
}
