package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import passagesearch.TestSupport;
import passagesearch.embed.ModelSlot;
import passagesearch.index.IndexStore;
import passagesearch.index.OpenIndex;
import passagesearch.index.Pipeline;
import passagesearch.ingest.CorpusReader;

/** Search by meaning beside search by words, on a real index of the seed corpus with passage vectors. */
class SemanticSearchTest {
  @TempDir static Path tmp;
  static SearchService hybrid;
  static SearchService lexical;

  @BeforeAll
  static void build() {
    hybrid = TestSupport.seedSearch(tmp.resolve("index"));
    lexical = new SearchService(new Pipeline(TestSupport.loadConfig(), tmp.resolve("index"), Pipeline.Sink.NONE,
        ModelSlot.off("test")).openCurrent());
  }

  @AfterAll
  static void close() {
    hybrid.close();
    lexical.close();
  }

  static SearchResponse find(SearchService service, String q, boolean explain) {
    return service.search(new SearchRequest(q, 10, 0, List.of(), List.of(), explain));
  }

  @Test
  void statusAndExplainSayWhichModeAnswered() {
    IndexStatus.Retrieval on = hybrid.status().retrieval();
    assertEquals("hybrid", on.mode());
    assertEquals("bge-small-en-v1.5", on.vectorModel());
    assertEquals("ready", on.model());
    assertNull(on.reason());
    assertEquals("hybrid", find(hybrid, "leukaemia treatment", true).understood().mode());

    IndexStatus.Retrieval off = lexical.status().retrieval();
    assertEquals("lexical", off.mode());
    assertEquals("off", off.model());
    QueryUnderstanding understood = find(lexical, "leukaemia treatment", true).understood();
    assertEquals("lexical", understood.mode());
    assertNotNull(understood.modeReason());
  }

  @Test
  void aQuestionSharingNoWordWithThePassagesIsAnsweredByMeaningWithItsNearestSentenceUnmarked() {
    // None of these words is in the corpus: by words alone nothing matches.
    String q = "pregnant baby offspring";
    assertEquals(0, find(lexical, q, false).hits().size());
    SearchResponse answer = find(hybrid, q, false);
    assertFalse(answer.hits().isEmpty(), "found by meaning");
    for (SearchHit hit : answer.hits()) {
      assertFalse(hit.snippet().contains("<mark>"), "nothing in it matched a word: " + hit.snippet());
    }
    // The first three show their sentence nearest in meaning (the model's work per page is bounded).
    for (SearchHit hit : answer.hits().subList(0, Math.min(3, answer.hits().size()))) {
      String sentence = hit.snippet().replace("&#x27;", "'").replace("&quot;", "\"").replace("&#x2F;", "/")
          .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("…", "");
      assertTrue(hit.text().contains(sentence.strip()), "the snippet is one of the passage's own sentences: " + sentence);
    }
  }

  @Test
  void meaningBringsAnAnswerInOtherWordsHigherThanWordsAlone() {
    String q = "will treatment affect whether I can have a baby";
    int byWords = rankOfFirst(find(lexical, q, false), "infertility");
    int byBoth = rankOfFirst(find(hybrid, q, false), "infertility");
    assertTrue(byBoth < byWords, "hybrid rank " + byBoth + ", lexical rank " + byWords);
  }

  private static int rankOfFirst(SearchResponse answer, String word) {
    for (SearchHit hit : answer.hits()) {
      if (hit.text().toLowerCase(java.util.Locale.ROOT).contains(word)) {
        return hit.rank();
      }
    }
    return Integer.MAX_VALUE;
  }

  @Test
  void pagesOfAHybridRankingAreDisjointCutsOfOneRankingWithOneTotal() {
    String q = "can I still work during treatment";
    SearchResponse all = hybrid.search(new SearchRequest(q, 50, 0, List.of(), List.of(), false));
    List<String> paged = new java.util.ArrayList<>();
    for (int offset = 0; offset < 50; offset += 10) {
      SearchResponse page = hybrid.search(new SearchRequest(q, 10, offset, List.of(), List.of(), false));
      assertEquals(all.total(), page.total(), "total at offset " + offset);
      assertEquals(all.facets(), page.facets(), "facets at offset " + offset);
      page.hits().forEach(h -> paged.add(h.id()));
    }
    assertEquals(all.hits().stream().map(SearchHit::id).toList(), paged);
    assertEquals(all.hits().stream().map(SearchHit::id).limit(20).toList(), hybrid.rankIds(q, 20),
        "evaluation ranks as search does");
  }

  @Test
  void aQueryNamingADrugGetsNoOtherDrugsPassageByMeaning() {
    // Campath's one passage says "anti-CD52": found by its tag; passages near it in meaning are about other
    // drugs, which do not answer a question about Campath.
    assertEquals(1, find(hybrid, "Campath", false).hits().size());
  }

  @Test
  void nonsenseFindsNothingByMeaningEither() {
    assertEquals(0, find(hybrid, "xyzzy plugh frobnicate", false).hits().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"zxqv blorft", "xyzzy plugh", "qwzx jjkkll"})
  void lettersThatAreNoWordAreNotReadForAMeaning(String q) {
    // The model makes a vector of any letters, as near some passages (0.52 to 0.58) as a real question.
    SearchResponse answer = find(hybrid, q, true);
    assertEquals(0, answer.hits().size(), q);
    assertEquals("lexical", answer.understood().mode(), q);
    assertTrue(answer.understood().modeReason().contains("no word of the query"), answer.understood().modeReason());
  }

  @Test
  void aQuestionOffTheSubjectIsToldThatNoPassageMentionsIt() {
    // English, so read for a meaning, and some passage is nearer than minSimilarity: the page says so.
    SearchResponse answer = find(hybrid, "how do I change a car tyre", false);
    assertNotNull(answer.coverage(), "coverage");
    assertNotNull(answer.coverage().message(), "the message that no passage covers the question");
  }

  @Test
  void aQueryWrittenWithSearchSyntaxGetsNoPassageItsWordsDoNotMatch() {
    for (String q : List.of("\"minimal residual disease\"", "+chemotherapy +children", "leukaem*")) {
      // Meaning reorders the matches (and so may fold the other one of two near-duplicates), adds none.
      SearchRequest all = new SearchRequest(q, 50, 0, List.of(), List.of(), false);
      assertEquals(lexical.search(all).total(), hybrid.search(all).total(), q);
    }
  }

  @Test
  void filtersAndExclusionsHoldForPassagesFoundByMeaning() {
    SearchResponse filtered = hybrid.search(new SearchRequest("pregnant baby offspring", 50, 0, List.of(),
        List.of("macmillan-all-treatment"), false));
    assertFalse(filtered.hits().isEmpty());
    filtered.hits().forEach(h -> assertEquals("macmillan-all-treatment", h.source().id()));
    SearchResponse excluded = find(hybrid, "pregnant baby offspring -leukaemia -leukemia", false);
    excluded.hits().forEach(h -> assertFalse(h.text().toLowerCase(java.util.Locale.ROOT).matches("(?s).*leuka?emia.*"), h.id()));
  }

  @Test
  void aHybridSearchsOnePassFindsWhatTheFusedQueryFindsWhole() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (OpenIndex index = new Pipeline(TestSupport.loadConfig(), tmp.resolve("index"), Pipeline.Sink.NONE,
        TestSupport.models()).openCurrent()) {
      Served served = Served.of(index, TestSupport.models(), new EnglishWords(), new CacheCounters(), new KeptCounters());
      List<String> queries = new java.util.ArrayList<>(List.of("xyzzy plugh", "pregnant baby offspring", "Campath",
          "\"minimal residual disease\"", "leukaem*", "side effects -hair"));
      for (String line : Files.readAllLines(TestSupport.root().resolve("eval/seed/queries.jsonl"))) {
        queries.add(json.readTree(line).get("query").asText());
      }
      int hybrid = 0;
      for (String q : queries) {
        Fusion fusion = AsOneCollection.fusion(served, q);
        hybrid += fusion.joinsByMeaning() ? 1 : 0;
        // A shallow page too: on 77 passages a deep one holds every match, a shallow one few of them.
        for (int depth : List.of(51, 11, 3)) {
          AsOneCollection.check(index.searcher(), fusion, served.queries()::demotingStubs, depth, q + " @" + depth);
        }
      }
      assertTrue(hybrid > 50, hybrid + " of the queries joined passages by meaning");
    }
  }

  @Test
  void aGenerationBuiltWithoutVectorsIsSearchedByWordsAndSaysSo(@TempDir Path dir) {
    IndexStore store = new IndexStore(dir);
    store.build(new CorpusReader().read(TestSupport.corpus()), TestSupport.loadConfig());
    try (SearchService service = new SearchService(store.openCurrent(TestSupport.loadConfig()), TestSupport.models())) {
      IndexStatus.Retrieval r = service.status().retrieval();
      assertEquals("lexical", r.mode());
      assertNull(r.vectorModel());
      assertTrue(r.reason().contains("no passage vectors"), r.reason());
      assertEquals(0, find(service, "pregnant baby offspring", false).hits().size());
    }
  }

  @Test
  void aModelThatCannotLoadLeavesSearchByWordsAndSaysWhy() {
    try (ModelSlot broken = ModelSlot.loading("no-such-model");
        SearchService service = new SearchService(
            new Pipeline(TestSupport.loadConfig(), tmp.resolve("index"), Pipeline.Sink.NONE, broken).openCurrent(), broken)) {
      assertThrowsUnavailable(broken);
      IndexStatus.Retrieval r = service.status().retrieval();
      assertEquals("lexical", r.mode());
      assertEquals("unavailable", r.model());
      assertTrue(r.reason().contains("no-such-model"), r.reason());
      assertFalse(find(service, "leukaemia treatment", false).hits().isEmpty(), "words still answer");
    }
  }

  private static void assertThrowsUnavailable(ModelSlot slot) {
    try {
      slot.await();
    } catch (passagesearch.embed.EncoderUnavailable expected) {
      return;
    }
    throw new AssertionError("an unknown model loaded");
  }
}
