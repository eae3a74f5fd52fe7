package passagesearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;

/**
 * Snippets from Lucene's unified highlighter over the passage text: the best sentences, each from its first
 * word, HTML-escaped, matches wrapped in {@code <mark>}, nothing else. A hit that matched only in its headings gets its
 * opening sentences, unmarked.
 */
final class Snippets {
  /** The snippets' format: matches in {@code <mark>}, text HTML-escaped, sentences joined by an ellipsis. */
  private static final MarkFormatter FORMAT = new MarkFormatter();

  private final OneWeightHighlighter highlighter;
  private final int passages;

  /** One highlighter per generation: it is thread-safe, and building it per search is wasted work. */
  Snippets(OpenIndex index) {
    int goal = index.config().ranking().snippetMaxLength() / index.config().ranking().snippetPassages();
    this.passages = index.config().ranking().snippetPassages();
    this.highlighter = new OneWeightHighlighter(UnifiedHighlighter.builder(index.searcher(), index.analyzer())
        .withFormatter(FORMAT)
        .withScorer(new SentenceScorer())
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getSentenceInstance(Locale.ENGLISH), goal, 0.3f)));
  }

  /** Text escaped exactly as the highlighter escapes its snippets, for snippets made without it. */
  static String escape(String text) {
    return FORMAT.escaped(text);
  }

  /**
   * Lucene's formatter, with its escaping callable on its own (it is stateless, so one serves all), and each
   * sentence read from its first word ({@link SnippetStart}). A sentence that carries straight on from the
   * one before it in the snippet (no ellipsis between them) is left whole.
   */
  private static final class MarkFormatter extends DefaultPassageFormatter {
    MarkFormatter() {
      super("<mark>", "</mark>", " … ", true);
    }

    @Override
    public String format(Passage[] passages, String content) {
      int previousEnd = -1;
      for (Passage p : passages) {
        if (p.getStartOffset() != previousEnd) {
          int limit = p.getEndOffset();
          for (int i = 0; i < p.getNumMatches(); i++) {
            limit = Math.min(limit, p.getMatchStarts()[i]);
          }
          p.setStartOffset(SnippetStart.atWord(content, p.getStartOffset(), limit));
        }
        previousEnd = p.getEndOffset();
      }
      return super.format(passages, content);
    }

    String escaped(String text) {
      StringBuilder out = new StringBuilder(text.length() + 16);
      append(out, text, 0, text.length());
      return out.toString();
    }
  }

  /**
   * The snippets of a page of hits, from their texts as already read.
   *
   * @param docs the hits' doc ids
   * @param texts each hit's stored text
   */
  String[] of(Query words, int[] docs, String[] texts) throws IOException {
    if (docs.length == 0) {
      return new String[0];
    }
    Query onText = onField(words, Fields.TEXT);
    Object[] marked = highlighter.highlight(Fields.TEXT, onText == null ? new MatchNoDocsQuery() : onText, docs, texts,
        passages);
    String[] snippets = new String[marked.length];
    for (int i = 0; i < marked.length; i++) {
      snippets[i] = marked[i] == null ? "" : marked[i].toString();
    }
    return snippets;
  }

  /**
   * The part of a query that searches one field, exclusions left out: what the highlighter needs to mark
   * that field. Matching the clauses on headings and title for every hit would be wasted work. A required
   * clause that also searched other fields is no longer required (the word may have matched in a heading);
   * one wholly on this field stays required, so a phrase or synonym group is marked only where it matched.
   * Null when nothing in the query searches the field.
   */
  static Query onField(Query query, String field) {
    Query part = fieldPart(query, field);
    return part == null ? null : combinedNarrowed(part, field);
  }

  private static Query fieldPart(Query query, String field) {
    if (query instanceof BooleanQuery bq) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      boolean any = false;
      boolean changed = false;
      for (BooleanClause clause : bq.clauses()) {
        Query sub = clause.occur() == BooleanClause.Occur.MUST_NOT ? null : fieldPart(clause.query(), field);
        if (sub == null) {
          changed = true;
          continue;
        }
        boolean required = clause.occur() == BooleanClause.Occur.MUST || clause.occur() == BooleanClause.Occur.FILTER;
        boolean narrowed = sub != clause.query();
        changed |= narrowed;
        b.add(sub, required && narrowed ? BooleanClause.Occur.SHOULD : clause.occur());
        any = true;
      }
      return !any ? null : changed ? b.build() : query;
    }
    if (query instanceof BoostQuery boost) {
      Query sub = fieldPart(boost.getQuery(), field);
      return sub == null ? null : new BoostQuery(sub, boost.getBoost());
    }
    boolean[] mentions = {false};
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String f) {
        mentions[0] |= f.equals(field);
        return false;
      }
    });
    return mentions[0] ? query : null;
  }

  /**
   * The words scored over several fields as one (BM25F) reached through optional clauses alone, each as its term
   * in {@code field}. For its matches, such a word is the word in each field (Lucene asks the disjunction of its
   * per-field terms), and asking the other fields' postings for every hit was a third of the highlighter's
   * matching. Through optional clauses only, the marks are the same: whether the word matched elsewhere
   * changes no other clause's matches. Under a required clause (a multi-word synonym's words, all required) it
   * could, so there the word is left whole.
   */
  private static Query combinedNarrowed(Query query, String field) {
    if (query instanceof BooleanQuery bq) {
      if (bq.getMinimumNumberShouldMatch() > 0
          || bq.clauses().stream().anyMatch(c -> c.occur() != BooleanClause.Occur.SHOULD)) {
        return query;
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      boolean changed = false;
      for (BooleanClause clause : bq.clauses()) {
        Query sub = combinedNarrowed(clause.query(), field);
        changed |= sub != clause.query();
        b.add(sub, BooleanClause.Occur.SHOULD);
      }
      return changed ? b.build() : query;
    }
    if (query instanceof BoostQuery boost) {
      Query sub = combinedNarrowed(boost.getQuery(), field);
      return sub == boost.getQuery() ? query : new BoostQuery(sub, boost.getBoost());
    }
    if (query instanceof CombinedFieldQuery) {
      List<Term> terms = new ArrayList<>();
      query.visit(new QueryVisitor() {
        @Override
        public boolean acceptField(String f) {
          return f.equals(field);
        }

        @Override
        public void consumeTerms(Query q, Term... found) {
          terms.addAll(List.of(found));
        }
      });
      return terms.size() == 1 ? new TermQuery(terms.get(0)) : query;
    }
    return query;
  }
}
