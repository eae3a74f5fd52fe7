package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.query.Concept;
import passagesearch.query.QueryParser;

/** A generation's concept queries: kept once built, and their matches cached once they recur, over the seed index. */
class ConceptQueriesTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();

  private static List<Concept> concepts(String typed) {
    return new ConceptReader(SEED.config().tags(), SEED.index().analyzer())
        .read(new TagRecognizer(SEED.config().tags()).recognize(QueryParser.parse(typed)));
  }

  /** The concept's query for one way of mentioning it. */
  private static Query of(ConceptQueries queries, Concept concept, Coverage.Way way) {
    return queries.of(concept).get(ConceptQueries.WAYS.indexOf(way));
  }

  /** The passages a query matches, as the matcher reads them (no scores: the cache's condition). */
  private static List<Integer> matches(IndexSearcher searcher, Query query) throws IOException {
    Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<Integer> docs = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer s = weight.scorer(leaf);
      if (s != null) {
        for (int d = s.iterator().nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = s.iterator().nextDoc()) {
          docs.add(leaf.docBase + d);
        }
      }
    }
    return docs;
  }

  @Test
  void aConceptAskedAgainIsTheQueryKeptUnlessItIsLong() {
    ConceptQueries queries = Served.conceptQueries(SEED.index(), SEED.config().ranking(), new KeptCounters());
    Concept chemo = concepts("chemotherapy").get(0);
    Query first = of(queries, chemo, Coverage.Way.SYNONYM);
    assertNotNull(first);
    Query second = of(queries, chemo, Coverage.Way.SYNONYM);
    assertNotSame(first, second, "a concept asked once is not kept");
    assertSame(second, of(queries, chemo, Coverage.Way.SYNONYM), "asked twice, it is kept, not built again");
    assertEquals(first,
        of(Served.conceptQueries(SEED.index(), SEED.config().ranking(), new KeptCounters()), chemo, Coverage.Way.SYNONYM),
        "the query another generation's table builds");

    Concept longer = concepts("\"" + "blood tests in the day unit ".repeat(3).trim() + "\"").get(0);
    assertTrue(longer.text().length() > ConceptQueries.KEPT_CHARS, longer.text());
    Query once = of(queries, longer, Coverage.Way.WORD);
    of(queries, longer, Coverage.Way.WORD);
    Query again = of(queries, longer, Coverage.Way.WORD);
    assertEquals(once, again);
    assertNotSame(once, again, "a long concept is built every time, so an entry stays small");
  }

  @Test
  void aWayThatIsTheSameQueryAsAnEarlierOneIsLeftOutAndEachQueryIsWeighedOnce() throws IOException {
    ConceptQueries queries = Served.conceptQueries(SEED.index(), SEED.config().ranking(), new KeptCounters());
    Concept marrow = concepts("marrow").get(0);
    Query word = of(queries, marrow, Coverage.Way.WORD);
    assertNotNull(word);
    assertNull(of(queries, marrow, Coverage.Way.SYNONYM), "a word with no synonyms: its synonyms' query is its own");
    assertNull(of(queries, marrow, Coverage.Way.TAG), "it names no tag");
    assertThrows(UnsupportedOperationException.class, () -> queries.of(marrow).set(0, null), "shared between searches");

    Query synonyms = of(queries, concepts("chemotherapy").get(0), Coverage.Way.SYNONYM);
    assertNotNull(synonyms, "chemotherapy has synonyms (chemo)");
    assertTrue(synonyms instanceof WeighedOnce, synonyms.getClass().getName());
    IndexSearcher searcher = queries.searcher();
    assertSame(synonyms.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f),
        synonyms.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f), "its weight is built once");
  }

  @Test
  void aRecurringConceptsMatchesAreCachedAndMatchWhatTheIndexMatches() throws IOException {
    ConceptQueries queries = Served.conceptQueries(SEED.index(), SEED.config().ranking(), new KeptCounters());
    LRUQueryCache cache = (LRUQueryCache) queries.searcher().getQueryCache();
    Query transplant = of(queries, concepts("transplant").get(0), Coverage.Way.WORD);
    List<Integer> expected = matches(SEED.index().searcher(), transplant);
    assertTrue(expected.size() > 3, "the seed corpus speaks of transplants: " + expected);

    assertEquals(expected, matches(queries.searcher(), transplant));
    assertEquals(0, cache.getCacheCount(), "a concept seen once is not cached: most are not asked again");
    for (int i = 0; i < 5; i++) {
      assertEquals(expected, matches(queries.searcher(), transplant));
    }
    assertEquals(1, cache.getCacheCount(), "recurring, its matches are kept for the generation's one segment");
    long hits = cache.getHitCount();
    assertEquals(expected, matches(queries.searcher(), transplant), "the cached matches are the index's");
    assertEquals(hits + 1, cache.getHitCount());
    assertTrue(cache.ramBytesUsed() <= ConceptQueries.cacheBytes(Runtime.getRuntime().maxMemory()));
  }

  @Test
  void theCacheIsBoundedByTheHeap() {
    assertEquals(ConceptQueries.CACHE_BYTES, ConceptQueries.cacheBytes(128L << 20));
    assertEquals(512L << 10, ConceptQueries.cacheBytes(32L << 20), "a 64th of a smaller heap");
  }
}
