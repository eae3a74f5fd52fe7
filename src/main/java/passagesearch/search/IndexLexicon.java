package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import passagesearch.index.Fields;

/** The embedded index's words for spelling correction: its surface-word field, its query chain, its postings. */
final class IndexLexicon implements Lexicon {
  /** Candidates looked at for a near word, as the suggester's accuracy (a Levenshtein similarity). */
  static final float ACCURACY = 0.6f;

  private final IndexReader reader;
  private final Analyzer analyzer;

  IndexLexicon(IndexReader reader, Analyzer analyzer) {
    this.reader = reader;
    this.analyzer = analyzer;
  }

  @Override
  public boolean isCorpusWord(String lower) {
    return docFreq(Fields.WORDS, lower) > 0;
  }

  @Override
  public List<String> terms(String word) {
    return AnalyzedText.terms(analyzer, word);
  }

  @Override
  public boolean indexed(List<String> terms) {
    for (String term : terms) {
      if (docFreq(Fields.TEXT, term) > 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<String> near(String lower, int maxEdits, int n) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    checker.setMinPrefix(0);
    checker.setAccuracy(ACCURACY);
    try {
      List<String> out = new ArrayList<>();
      for (SuggestWord w : checker.suggestSimilar(new Term(Fields.WORDS, lower), n, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
        out.add(w.string);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int docFreq(String field, String term) {
    try {
      return reader.docFreq(new Term(field, term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
