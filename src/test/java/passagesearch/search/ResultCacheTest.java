package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answer cache: an answer kept on its request's second asking, least recently used out first, bounded in
 * answers and in estimated bytes, counted.
 */
class ResultCacheTest {
  @Test
  void theLeastRecentlyUsedAnswerGoesFirst() {
    ResultCache cache = new ResultCache(3, ResultCache.MAX_BYTES);
    keep(cache, request("a"), response(null, 0));
    keep(cache, request("b"), response(null, 0));
    keep(cache, request("c"), response(null, 0));
    assertTrue(cache.get(request("a")) != null, "a is used again: now the most recent");
    keep(cache, request("d"), response(null, 0));
    assertEquals(List.of(request("c"), request("a"), request("d")), cache.keys(), "b, the least recently used, went");
    assertNull(cache.get(request("b")));
    keep(cache, request("c"), response(null, 0));
    keep(cache, request("e"), response(null, 0));
    assertEquals(List.of(request("d"), request("c"), request("e")), cache.keys(), "writing c again used it");
    AnswerCacheStats stats = cache.stats();
    assertEquals(1, stats.hits());
    assertEquals(1, stats.misses());
    assertEquals(2, stats.evictions());
    assertEquals(3, stats.entries());
    assertEquals(3, stats.maxEntries());
  }

  @Test
  void theCacheHoldsNoMoreBytesThanItsBoundAndKeepsTheRecentAnswers() {
    // 50 hits of 1,000 characters each: under 100 KB an answer with their sources and headings, against a bound
    // of 1,000,000 bytes.
    long one = AnswerBytes.of(request("q0"), response(null, 50));
    assertTrue(one > 50 * 1_000 && one < 50 * 2_000, "an answer of 50 KB of text is estimated at " + one);
    ResultCache cache = new ResultCache(1000, 1_000_000);
    for (int i = 0; i < 200; i++) {
      keep(cache, request("q" + i), response(null, 50));
      assertTrue(cache.bytes() <= 1_000_000, "after " + i + ": " + cache.bytes());
    }
    int kept = (int) (1_000_000 / one);
    assertEquals(kept, cache.size(), "as many as fit");
    assertEquals(request("q" + (200 - kept)), cache.keys().get(0), "the most recent ones");
    assertEquals(request("q199"), cache.keys().get(kept - 1));
    assertEquals(200 - kept, cache.stats().evictions());
    ResultCache small = new ResultCache(1000, 100_000);
    keep(small, request("big"), response(null, 50));
    assertNull(small.get(request("big")), "an answer over an eighth of the bound is not kept");
  }

  @Test
  void answersCutShortOrExplainedAreNotKeptAndAnExplainedRequestDoesNotLook() {
    ResultCache cache = new ResultCache(3, ResultCache.MAX_BYTES);
    keep(cache, request("slow"), response(Boolean.TRUE, 1));
    assertNull(cache.get(request("slow")));
    SearchRequest explained = new SearchRequest("q", 10, 0, List.of(), List.of(), true);
    keep(cache, explained, response(null, 1));
    assertNull(cache.get(explained));
    assertEquals(0, cache.size());
    assertEquals(1, cache.stats().misses(), "only the request that could have been kept counts");
    ResultCache off = new ResultCache(0, ResultCache.MAX_BYTES);
    keep(off, request("q"), response(null, 1));
    assertNull(off.get(request("q")));
    assertEquals(AnswerCacheStats.NONE, off.stats(), "a cache that is off counts nothing and bounds nothing");
  }

  @Test
  void anAnswerKeptIsTheSameObjectAndItsGenerationsShareTheirCounts() {
    CacheCounters counters = new CacheCounters();
    ResultCache first = new ResultCache(10, ResultCache.MAX_BYTES, counters);
    SearchResponse answer = response(null, 2);
    keep(first, request("q"), answer);
    assertSame(answer, first.get(request("q")));
    ResultCache next = new ResultCache(10, ResultCache.MAX_BYTES, counters);
    assertNull(next.get(request("q")), "a new generation starts empty");
    assertEquals(1, next.stats().hits());
    assertEquals(1, next.stats().misses());
  }

  @Test
  void stringsAreCountedAsTheJvmStoresThem() {
    assertEquals(40 + 1_000, AnswerBytes.string("x".repeat(1_000)), "Latin-1: a byte a character");
    assertEquals(40 + 2_000, AnswerBytes.string("λ".repeat(1_000)), "anything else: two");
    assertEquals(40 + 8, AnswerBytes.string("é"), "rounded up to 8 bytes");
    assertEquals(0, AnswerBytes.string(null));
  }

  @Test
  void theBoundIsAnEighthOfTheHeapAtMost16Megabytes() {
    assertEquals(16L << 20, ResultCache.maxBytes(128L << 20));
    assertEquals(16L << 20, ResultCache.maxBytes(1L << 30));
    assertEquals(8L << 20, ResultCache.maxBytes(64L << 20));
  }

  @Test
  void anAnswerIsKeptTheSecondTimeItsRequestIsAsked() {
    ResultCache cache = new ResultCache(2, ResultCache.MAX_BYTES);
    SearchResponse answer = response(null, 1);
    cache.put(request("q"), answer);
    assertNull(cache.get(request("q")), "asked once: not kept");
    cache.put(request("q"), answer);
    assertSame(answer, cache.get(request("q")), "asked twice: kept");
    for (int i = 0; i < 10; i++) {
      cache.put(request("once" + i), response(null, 1));
    }
    assertEquals(List.of(request("q")), cache.keys(), "questions asked once displace nothing");
    assertEquals(0, cache.stats().evictions());
    cache.put(request("once0"), answer);
    assertNull(cache.get(request("once0")), "a request is remembered among the last two not kept, no more");
  }

  /** The request asked twice, its answer worked out both times: kept the second time. */
  private static void keep(ResultCache cache, SearchRequest request, SearchResponse response) {
    cache.put(request, response);
    cache.put(request, response);
  }

  private static SearchRequest request(String q) {
    return SearchRequest.of(q);
  }

  /** An answer with {@code hits} hits of 1,000 characters of text each. */
  private static SearchResponse response(Boolean partial, int hits) {
    SourceRef source = new SourceRef("doc", "Treatment", "Publisher", null, "2025-03-20", null, null);
    SearchHit big = new SearchHit("doc/1", 1, 1f, "x".repeat(1000), "", "Section", List.of("Section"), List.of("all"),
        source, new SearchHit.Offsets(0, 1000), null, null);
    return new SearchResponse("q", null, hits, 1, null, Collections.nCopies(hits, big), Map.of(), "gen-000001", null,
        partial);
  }
}
