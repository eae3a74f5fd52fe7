package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import passagesearch.query.Concept;
import passagesearch.query.ParsedQuery;
import passagesearch.query.QueryParser;

/**
 * A generation's reading of the queries it is asked: parsed once, corrected, its tags recognised, its words made
 * into the Lucene query with their synonyms, its concepts read; the request's filters, page and sort come after.
 *
 * <p>The same question is asked again with another filter, page or sort (a facet clicked, the next page), which the
 * answer cache does not cover, and reading it was 18% of such a seed search's CPU (JFR: the synonym analysis and its
 * translation alone 10%). So the last {@link #KEPT} readings of questions asked twice are kept, for a query of at most
 * {@link #KEPT_CHARS} characters (a question, not a pasted paragraph). A question asked once, as most are, is not kept:
 * keeping every question and concept at first sight cost distinct SciFact claims 6% of their throughput (interleaved
 * runs), in collections of what was kept and promoted to the old generation. A reading holds about 370 bytes of query
 * objects per character typed (measured on the seed index: 15 KB at 40 characters, 44 KB at 120; the words' query with
 * its synonyms, in three fields, is most of it), and its weights once searched ({@link WeighedOnce}: 8 KB a seed
 * question, 22 KB a SciFact claim, measured), so the table holds at most about 8 MB. Lucene queries are immutable,
 * so searches share them; a generation's words, vocabulary and spelling never change, so a reading never goes stale.
 */
final class PreparedQueries {
  /** The most readings kept. */
  static final int KEPT = 128;
  /** The longest query whose reading is kept. */
  static final int KEPT_CHARS = 100;

  /**
   * A query as the generation reads it.
   *
   * @param meaning the query's model, corrected, with the tags it names
   * @param words what must match, with synonyms; what the highlighter marks
   * @param scored the words with what lifts a passage (proximity, tags) and the exclusions, before filters;
   *     rewritten for the generation, so a search that adds its filters rewrites only what it added, and
   *     weighed once for it ({@link WeighedOnce})
   * @param contentWords how many indexed terms its words become (what weighs meaning against words)
   * @param concepts what it asks about, for coverage
   */
  record Prepared(ParsedQuery meaning, Query words, Query scored, int contentWords, List<Concept> concepts) {
    Prepared {
      concepts = List.copyOf(concepts);
    }
  }

  private final SpellCorrector speller;
  private final TagRecognizer tags;
  private final QueryFactory factory;
  private final ConceptReader concepts;
  private final LruTable<String, Prepared> kept;
  private final IndexSearcher searcher;

  /**
   * @param searcher the generation's searcher, to rewrite the scored query for
   * @param counters where look-ups of kept readings count, across generations
   */
  PreparedQueries(SpellCorrector speller, TagRecognizer tags, QueryFactory factory, ConceptReader concepts,
      IndexSearcher searcher, CacheCounters counters) {
    this.speller = speller;
    this.tags = tags;
    this.factory = factory;
    this.concepts = concepts;
    this.searcher = searcher;
    this.kept = new LruTable<>(KEPT, counters, typed -> typed.length() <= KEPT_CHARS, true);
  }

  /** How often a reading was kept, and how many are. */
  KeptTableStats stats() {
    return kept.stats();
  }

  /** The query as typed, read: the reading kept, or a new one. */
  Prepared of(String typed) {
    return kept.get(typed, this::read);
  }

  /** The query's model, read afresh: parsed, corrected, with the tags it names (the benchmark times this step). */
  ParsedQuery meaning(String typed) {
    return tags.recognize(speller.correct(QueryParser.parse(typed)));
  }

  private Prepared read(String typed) {
    ParsedQuery meaning = meaning(typed);
    Query words = factory.words(meaning);
    Query scored;
    try {
      scored = new WeighedOnce(searcher.rewrite(factory.scored(words, meaning)), searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Prepared(meaning, words, scored, factory.plainTerms(meaning).size(), concepts.read(meaning));
  }
}
