package passagesearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Lucene's unified highlighter in weight-matching mode (only what truly matched is marked: a phrase as a
 * phrase, a synonym where it matched), with one change: the query's weight is built once per search and
 * asked for each hit's matches, where the stock highlighter rewrites the query and builds its weight
 * again for every hit, which cost more than the search itself; and the query's words reuse their terms and
 * postings enums from hit to hit ({@link HighlightedTerm}).
 */
final class OneWeightHighlighter extends UnifiedHighlighter {
  OneWeightHighlighter(Builder builder) {
    super(builder);
  }

  /**
   * Snippets of {@code field} for hits whose text the caller has already read (for the rest of the hit), so
   * the stored text is not read and decompressed a second time: what {@code highlight(field, query, topDocs,
   * maxPassages)} returns for the same hits, the text cut at {@link #getMaxLength()} as the stock loading
   * cuts it. A null text gives a null snippet.
   */
  Object[] highlight(String field, Query query, int[] docs, String[] texts, int maxPassages) throws IOException {
    FieldHighlighter highlighter = getFieldHighlighter(field, query, extractTerms(query), maxPassages);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Object[] out = new Object[docs.length];
    for (int i = 0; i < docs.length; i++) {
      if (texts[i] != null) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
        String text = texts[i].substring(0, Math.min(getMaxLength(), texts[i].length()));
        out[i] = highlighter.highlightFieldForDoc(leaf.reader(), docs[i] - leaf.docBase, text);
      }
    }
    return out;
  }

  /** As the stock highlighter builds it for a field whose offsets are in the postings, with {@link Strategy}. */
  @Override
  protected FieldHighlighter getFieldHighlighter(String field, Query query, Set<Term> allTerms, int maxPassages) {
    UHComponents components = getHighlightComponents(field, query, allTerms);
    return newFieldHighlighter(field, new Strategy(components, searcher), getBreakIterator(field), getScorer(field),
        maxPassages, getMaxNoHighlightPassages(field), getFormatter(field), getPassageSortComparator(field));
  }

  /** Offsets from one weight per highlight call; the stock way for a reader the searcher does not hold. */
  private static final class Strategy extends FieldOffsetStrategy {
    private final FieldOffsetStrategy stock;
    private final IndexSearcher searcher;
    private Weight weight;

    Strategy(UHComponents components, IndexSearcher searcher) {
      super(components);
      this.stock = new PostingsOffsetStrategy(components);
      this.searcher = searcher;
    }

    @Override
    public UnifiedHighlighter.OffsetSource getOffsetSource() {
      return stock.getOffsetSource();
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
      LeafReaderContext context = null;
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        if (leaf.reader() == reader) {
          context = leaf;
        }
      }
      if (context == null || !components.highlightFlags().contains(UnifiedHighlighter.HighlightFlag.WEIGHT_MATCHES)) {
        return stock.getOffsetsEnum(reader, docId, content);
      }
      if (weight == null) {
        // Straight from the query, not through the searcher's query cache: matches are never cached. Its words
        // reuse their enums from hit to hit (HighlightedTerm).
        weight = HighlightedTerm.within(searcher.rewrite(components.query()))
            .createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
      }
      Matches matches = weight.matches(context, docId);
      if (matches == null) {
        return OffsetsEnum.EMPTY;
      }
      List<OffsetsEnum> found = new ArrayList<>();
      for (String field : matches) {
        if (components.fieldMatcher().test(field)) {
          MatchesIterator iterator = matches.getMatches(field);
          if (iterator != null) {
            found.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
          }
        }
      }
      return switch (found.size()) {
        case 0 -> OffsetsEnum.EMPTY;
        case 1 -> found.get(0);
        default -> new OffsetsEnum.MultiOffsetsEnum(found);
      };
    }
  }
}
