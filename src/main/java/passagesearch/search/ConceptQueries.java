package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;
import org.apache.lucene.util.QueryBuilder;
import passagesearch.index.Fields;
import passagesearch.query.Concept;
import passagesearch.query.Node;

/**
 * The Lucene queries that say whether a passage mentions a concept, one per way ({@link Coverage.Way}): its
 * words as typed (every word of it, in any field searched; a phrase as a phrase), its words with their synonyms
 * and a drug's other names, its tag, its class. Built for matching, never for scoring.
 *
 * <p>A generation's concepts recur from search to search even when the questions do not ("treatment", "side effects", a
 * drug), and building their queries analysed their words again, synonyms and all, and rewrote them: about 10% of a seed
 * search's CPU (JFR). So the queries of the last {@link #KEPT} concepts asked twice are kept, all ways together (a
 * concept asked once, as most words of distinct questions are, is not), rewritten for this generation (Lucene queries
 * are immutable, so searches share them), for a concept of at most {@link #KEPT_CHARS} characters, each with its weight
 * built once ({@link WeighedOnce}: building the weights of a search's concepts again, looking up each word's statistics
 * in every field, was 2.6% of a seed search's CPU, JFR). A query holds about 3 KB for a word and 6 KB for a phrase of
 * 20 characters, and its weight about 1.5 KB more (measured on the seed index); a concept has at most four, so the
 * table holds a few megabytes at most.
 *
 * <p>They are matched through a searcher of their own ({@link #searcher()}), whose query cache keeps the
 * passages a concept matches in each segment once it recurs (Lucene's {@link UsageTrackingQueryCachingPolicy}:
 * five uses among the last 256), so its postings are not opened again for every search (opening them was
 * another 9%). IndexSearcher's default cache leaves segments under 10,000 passages alone, which is every segment
 * of a corpus this size; this one is bounded in queries ({@link #CACHED_QUERIES}) and bytes ({@link #cacheBytes}).
 */
final class ConceptQueries {
  /** The ways a concept can be mentioned that are matched, in the order they are tried. */
  static final List<Coverage.Way> WAYS = List.of(Coverage.Way.WORD, Coverage.Way.SYNONYM, Coverage.Way.TAG,
      Coverage.Way.CLASS);
  /** The most concepts whose queries are kept (four ways each at most). */
  static final int KEPT = 256;
  /**
   * The longest concept (as read) whose queries are kept. A drug named by its brand reads with its other name,
   * "Tecartus (brexucabtagene autoleucel)": 36 characters, and such concepts recur most. At 32, the seed list's
   * three such drugs were built again at every search that named them (2.8% of the list's CPU, JFR).
   */
  static final int KEPT_CHARS = 64;
  /** The most queries whose matches the searcher's cache holds. */
  static final int CACHED_QUERIES = 1_024;
  /** The most bytes the searcher's cache holds: 2 MB, or a 64th of a smaller heap. */
  static final long CACHE_BYTES = 2L << 20;

  private final QueryBuilder plain;
  private final QueryBuilder expanding;
  private final QueryTranslator translator;
  private final List<String> fields;
  private final LruTable<Concept, List<Query>> kept;
  private final CountedQueryCache matches;
  private final IndexSearcher searcher;

  /**
   * @param translator translates the operands that are not plain words (a phrase, {@code word*},
   *     {@code word~1}) as the search does
   * @param fields the fields the search matches words in
   * @param reader the generation the concepts are matched in
   * @param counts where look-ups of the kept queries ({@link KeptTable#CONCEPT_QUERIES}) and of their cached matches
   *     ({@link KeptTable#CONCEPT_MATCHES}) count, across generations
   */
  ConceptQueries(Analyzer plain, Analyzer expanding, QueryTranslator translator, List<String> fields,
      IndexReader reader, KeptCounters counts) {
    this.plain = new QueryBuilder(plain);
    this.expanding = new QueryBuilder(expanding);
    this.translator = translator;
    this.fields = List.copyOf(fields);
    this.kept = new LruTable<>(KEPT, counts.of(KeptTable.CONCEPT_QUERIES),
        concept -> concept.text().length() <= KEPT_CHARS, true);
    this.matches = new CountedQueryCache(CACHED_QUERIES, cacheBytes(Runtime.getRuntime().maxMemory()), leaf -> true,
        counts.of(KeptTable.CONCEPT_MATCHES));
    this.searcher = new IndexSearcher(reader);
    searcher.setQueryCache(matches);
    searcher.setQueryCachingPolicy(new UsageTrackingQueryCachingPolicy());
  }

  /** How often a concept's queries were kept, and how many are. */
  KeptTableStats stats() {
    return kept.stats();
  }

  /** How often a concept query's matches in a segment were cached, and how many queries' matches are. */
  KeptTableStats matchStats() {
    return matches.stats();
  }

  /** The cache's bound in bytes for a heap of {@code maxHeap} bytes. */
  static long cacheBytes(long maxHeap) {
    return Math.min(CACHE_BYTES, maxHeap / 64);
  }

  /** The searcher to match the queries with: the generation's, with a cache of the concepts' matches. */
  IndexSearcher searcher() {
    return searcher;
  }

  /**
   * The concept's query for each of {@link #WAYS}, flat ({@link FlatQuery}), rewritten for {@link #searcher()} and
   * weighed once there ({@link WeighedOnce}); null for a way the concept cannot be mentioned in, or one that is the
   * same query as an earlier way ("cell" has no synonyms): it never finds a passage the earlier one did not, so it is
   * not run again for every hit. Unmodifiable.
   */
  List<Query> of(Concept concept) {
    return kept.get(concept, this::ways);
  }

  private List<Query> ways(Concept concept) {
    Query[] queries = new Query[WAYS.size()];
    List<Query> ways = Arrays.asList(queries);
    for (int w = 0; w < queries.length; w++) {
      Query nested = nested(concept, WAYS.get(w));
      Query q = nested == null ? null : rewritten(nested);
      // The earlier ways are the list's first w places (the rest are still null, which no query equals).
      queries[w] = q != null && ways.contains(q) ? null : q;
    }
    return Collections.unmodifiableList(ways);
  }

  private Query rewritten(Query nested) {
    try {
      return new WeighedOnce(searcher.rewrite(FlatQuery.of(nested)), searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query nested(Concept concept, Coverage.Way way) {
    if (!concept.alternatives().isEmpty()) {
      return any(concept.alternatives().stream().map(a -> nested(a, way)).toList());
    }
    return switch (way) {
      case WORD -> all(concept.nodes().stream().map(this::words).toList());
      case SYNONYM -> synonyms(concept);
      case TAG -> tags(concept.tags());
      case CLASS -> concept.specific() ? tags(concept.classes()) : null;
      case NONE -> null;
    };
  }

  private Query words(Node node) {
    return switch (node) {
      case Node.Term t -> overFields(f -> plain.createBooleanQuery(f, t.text(), Occur.MUST));
      case Node.Phrase p -> translator.operand(p);
      case Node.Prefix p -> translator.operand(p);
      case Node.Fuzzy f -> translator.operand(f);
      default -> null;
    };
  }

  private Query synonyms(Concept concept) {
    List<Node> nodes = concept.nodes();
    if (nodes.size() == 1 && nodes.get(0) instanceof Node.Phrase p) {
      return overFields(f -> expanding.createPhraseQuery(f, p.text(), p.slop()));
    }
    if (nodes.isEmpty() || !nodes.stream().allMatch(n -> n instanceof Node.Term)) {
      return null;
    }
    // Synonyms may span words ("bone marrow transplant"), so the words are read as one run of text.
    String text = String.join(" ", nodes.stream().map(n -> ((Node.Term) n).text()).toList());
    return overFields(f -> expanding.createBooleanQuery(f, text, Occur.MUST));
  }

  private static Query tags(List<String> tags) {
    return any(tags.stream().map(t -> (Query) new TermQuery(new Term(Fields.TAG, t))).toList());
  }

  /** One query per field, joined; the words analysed once ({@link OnOtherField}): every field has the same chain. */
  private Query overFields(Function<String, Query> perField) {
    return any(OnOtherField.forEach(fields, perField));
  }

  /** Any of the queries (nulls left out); null when none is left. */
  private static Query any(List<Query> queries) {
    return join(queries, Occur.SHOULD);
  }

  /** All of the queries (nulls left out); null when none is left. */
  private static Query all(List<Query> queries) {
    return join(queries, Occur.MUST);
  }

  private static Query join(List<Query> queries, Occur occur) {
    List<Query> kept = new ArrayList<>();
    queries.stream().filter(q -> q != null).forEach(kept::add);
    if (kept.size() <= 1) {
      return kept.isEmpty() ? null : kept.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    kept.forEach(q -> b.add(q, occur));
    return b.build();
  }
}
