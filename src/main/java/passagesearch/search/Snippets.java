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
import passagesearch.ingest.ArrayTextBreaks;

/**
 * Snippets from Lucene's unified highlighter over the passage text: the best sentences, each from its first
 * word, HTML-escaped, matches wrapped in {@code <mark>}, nothing else. A hit that matched only in its headings gets its
 * opening sentences, unmarked.
 *
 * <p>A passage's snippet for a question depends on the two alone: not on the filters, the page or the other hits. The
 * same question asked again with another filter or page (a facet clicked, the next page) shows many of the same
 * passages, and marking them again was most of the snippets' cost, a fifth of such a seed search's CPU (JFR). So the
 * last {@link #KEPT} snippets of passages shown twice for a question of at most {@link PreparedQueries#KEPT_CHARS}
 * characters are kept, and a snippet shown once is not (distinct questions, as most are, would only churn the table).
 * They are weighed by their characters: the table holds at most {@link #KEPT_BYTES} (a snippet is mostly under 1 KB,
 * but a passage with no sentence ends can give a long one). A generation's texts and analysis never change, so a kept
 * snippet never goes stale.
 */
final class Snippets {
  /** The snippets' format: matches in {@code <mark>}, text HTML-escaped, sentences joined by an ellipsis. */
  private static final MarkFormatter FORMAT = new MarkFormatter();
  /** The most snippets kept. */
  static final int KEPT = 2048;
  /** The most the kept snippets and their questions may weigh together, in bytes (two a character). */
  static final long KEPT_BYTES = 4L << 20;

  /** A passage shown for a question as typed (its reading, and so its marks, follow from it). */
  private record Shown(String typed, int doc) {}

  private final OneWeightHighlighter highlighter;
  private final int passages;
  private final LruTable<Shown, String> kept;

  /**
   * One highlighter per generation: it is thread-safe, and building it per search is wasted work.
   *
   * @param counters where look-ups of kept snippets count, across generations
   */
  Snippets(OpenIndex index, CacheCounters counters) {
    this.kept = new LruTable<>(KEPT, KEPT_BYTES, counters, true);
    int goal = index.config().ranking().snippetMaxLength() / index.config().ranking().snippetPassages();
    this.passages = index.config().ranking().snippetPassages();
    this.highlighter = new OneWeightHighlighter(UnifiedHighlighter.builder(index.searcher(), index.analyzer())
        .withFormatter(FORMAT)
        .withScorer(new SentenceScorer())
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            new ArrayTextBreaks(BreakIterator.getSentenceInstance(Locale.ENGLISH)), goal, 0.3f)));
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

  /** How often a snippet was kept, and how many are. */
  KeptTableStats stats() {
    return kept.stats();
  }

  /** What a marked snippet becomes before it is shown, from the passage's text: a function of the question alone. */
  @FunctionalInterface
  interface Finish {
    String apply(String marked, String text);
  }

  /**
   * The snippets of a page of hits for a question, from their texts as already read: those kept, and the rest
   * marked and finished now.
   *
   * @param typed the question as typed, whose reading {@code words} and {@code finish} are
   * @param words what the highlighter marks
   * @param finish what each marked snippet becomes (the words of the tags the question names marked,
   *     {@link TagSnippet#finish}); kept as finished, since that was a further 4% of a seed search's CPU (JFR)
   * @param docs the hits' doc ids
   * @param texts each hit's stored text
   */
  String[] of(String typed, Query words, Finish finish, int[] docs, String[] texts) throws IOException {
    String[] snippets = new String[docs.length];
    int[] missing = new int[docs.length];
    int m = 0;
    for (int i = 0; i < docs.length; i++) {
      snippets[i] = kept.find(new Shown(typed, docs[i]));
      if (snippets[i] == null) {
        missing[m++] = i;
      }
    }
    if (m == 0) {
      return snippets;
    }
    int[] missingDocs = new int[m];
    String[] missingTexts = new String[m];
    for (int j = 0; j < m; j++) {
      missingDocs[j] = docs[missing[j]];
      missingTexts[j] = texts[missing[j]];
    }
    String[] marked = marked(words, missingDocs, missingTexts);
    for (int j = 0; j < m; j++) {
      String finished = finish.apply(marked[j], missingTexts[j]);
      snippets[missing[j]] = finished;
      if (typed.length() <= PreparedQueries.KEPT_CHARS) {
        kept.put(new Shown(typed, missingDocs[j]), finished, 2L * (typed.length() + finished.length()) + 64);
      }
    }
    return snippets;
  }

  /**
   * The snippets of a page of hits, from their texts as already read, all marked now (none kept or looked up).
   *
   * @param docs the hits' doc ids
   * @param texts each hit's stored text
   */
  String[] marked(Query words, int[] docs, String[] texts) throws IOException {
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
