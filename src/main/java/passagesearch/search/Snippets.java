package passagesearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;

/**
 * Snippets from Lucene's unified highlighter over the passage text: the best sentences, HTML-escaped,
 * matches wrapped in {@code <mark>}, nothing else. A hit that matched only in its headings gets its
 * opening sentences, unmarked.
 */
final class Snippets {
  private final UnifiedHighlighter highlighter;
  private final int passages;

  /** One highlighter per generation: it is thread-safe, and building it per search is wasted work. */
  Snippets(OpenIndex index) {
    int goal = index.config().ranking().snippetMaxLength() / index.config().ranking().snippetPassages();
    this.passages = index.config().ranking().snippetPassages();
    this.highlighter = new OneWeightHighlighter(UnifiedHighlighter.builder(index.searcher(), index.analyzer())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getSentenceInstance(Locale.ENGLISH), goal, 0.3f)));
  }

  String[] of(Query words, ScoreDoc[] page) throws IOException {
    if (page.length == 0) {
      return new String[0];
    }
    TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    String[] snippets = highlighter.highlight(Fields.TEXT, words, pageDocs, passages);
    for (int i = 0; i < snippets.length; i++) {
      if (snippets[i] == null) {
        snippets[i] = "";
      }
    }
    return snippets;
  }
}
