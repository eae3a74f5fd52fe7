package passagesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.cli.ClusterAdmin;
import passagesearch.cli.Main;
import passagesearch.config.IndexConfig;
import passagesearch.http.HttpSettings;
import passagesearch.http.WebServer;
import passagesearch.embed.ModelSlot;
import passagesearch.ingest.CorpusReader;
import passagesearch.search.SearchHit;
import passagesearch.search.IndexStatus;
import passagesearch.search.SearchRequest;
import passagesearch.search.SearchResponse;
import passagesearch.search.SearchService;
import passagesearch.serving.ClusterRebuilds;

/**
 * The service over a real three-node OpenSearch cluster (two shards, one replica), started once
 * ({@link TestCluster}): the seed corpus through the unchanged HTTP API, relevance beside the embedded
 * engine's, searches while a node stops and comes back and while a rebuild moves the alias, and an
 * unreachable cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String ALIAS = "passages-it";
  /** SciFact's alias, apart from the seed corpus's. */
  private static final String SCIFACT = "scifact";
  /**
   * How long each SciFact client waits after an answer before its next claim: four clients searching back to back
   * took most of the two shared cores and made the rebuild beside them take twice as long.
   */
  private static final long THINK_MILLIS = 200;
  /** nDCG@10 within which the OpenSearch engine follows the embedded one (issue 18). */
  static final double PARITY = 0.02;

  private static final String TOKEN = "cluster-admin-token";

  private static TestCluster cluster;
  private static IndexConfig config;
  private static OpenSearchEngine engine;
  private static WebServer server;
  private static ClusterRebuilds admin;

  @BeforeAll
  static void startClusterAndServe() throws Exception {
    cluster = TestCluster.get();
    config = TestSupport.loadConfig();
    // Searched by words and meaning, as the embedded engine is: the test run's model and vector cache.
    engine = OpenSearchEngine.connect(cluster.urls(), config, ALIAS, TestSupport.models(), TestSupport.vectorCache());
    engine.build(new CorpusReader(config.limits(), false).folder(TestSupport.corpus()), 2, 1, note -> { });
    admin = ClusterAdmin.of(engine, config, TestSupport.corpus(), Files.createTempDirectory("cluster-uploads"), 2, 1);
    server = WebServer.create(engine, new HttpSettings(List.of(), TOKEN), admin).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopServing() {
    if (server != null) {
      server.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void theSeedCorpusIsServedThroughTheUnchangedApi() throws Exception {
    HttpResponse<String> r = get(server.port(), "/api/search?q=blinatumomab+side+effects");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode answer = JSON.readTree(r.body());
    assertTrue(answer.path("total").asInt() > 5, r.body());
    JsonNode first = answer.path("hits").path(0);
    assertEquals("knowall-all-treatment/11", first.path("id").asText(), r.body());
    assertTrue(first.path("snippet").asText().startsWith("<mark>Blinatumomab</mark> is a special antibody"), first.toString());
    assertFalse(first.path("snippet").asText().replace("<mark>", "").replace("</mark>", "").contains("<"));
    assertEquals("Know ALL", first.path("source").path("publisher").asText());
    assertTrue(answer.path("facets").path("tags").path("side-effects").asInt() > 0, r.body());
    assertTrue(answer.path("facets").path("source").has("knowall-all-treatment"), r.body());

    JsonNode filtered = JSON.readTree(get(server.port(), "/api/search?q=maintenance&tag=all&limit=5").body());
    filtered.path("hits").forEach(h -> assertTrue(h.path("tags").toString().contains("\"all\""), h.toString()));

    JsonNode inPlace = JSON.readTree(get(server.port(), "/api/passages/knowall-all-treatment/11").body());
    assertEquals("knowall-all-treatment/10", inPlace.path("previous").asText());
    assertEquals("knowall-all-treatment/12", inPlace.path("next").asText());
    assertTrue(inPlace.path("context").path("text").asText().startsWith("Blinatumomab"), inPlace.toString());
    assertFalse(inPlace.path("context").path("before").asText().isEmpty());

    // A word found nowhere is read as the closest corpus word, as the embedded engine reads it.
    JsonNode corrected = JSON.readTree(get(server.port(), "/api/search?q=imatanib").body());
    assertEquals("imatinib", corrected.path("corrected").asText(), corrected.toString());
    assertTrue(corrected.path("hits").path(0).path("text").asText().toLowerCase().contains("imatinib"), corrected.toString());
    JsonNode stemmed = JSON.readTree(get(server.port(), "/api/search?q=vincristin").body());
    assertEquals("vincristine", stemmed.path("corrected").asText(), stemmed.toString());
    JsonNode english = JSON.readTree(get(server.port(), "/api/search?q=will+I+lose+my+hair").body());
    assertTrue(english.path("corrected").isMissingNode(), "an English word no page uses is left as typed: " + english);

    assertEquals(5, JSON.readTree(get(server.port(), "/api/documents").body()).path("total").asInt());
    assertEquals(400, get(server.port(), "/api/search?q=x&tag=no-such-tag").statusCode());
    assertEquals(404, get(server.port(), "/api/passages/nothing/1").statusCode());
    assertEquals(200, get(server.port(), "/ready").statusCode());
  }

  @Test
  @Order(2)
  void suggestionsAreTheEmbeddedEnginesInTheSameOrder(@TempDir Path embeddedIndex) throws Exception {
    HttpResponse<String> blin = get(server.port(), "/api/suggest?q=blin");
    assertEquals(200, blin.statusCode(), blin.body());
    JsonNode first = JSON.readTree(blin.body()).path("suggestions").path(0);
    assertEquals("Blinatumomab", first.path("text").asText(), blin.body());
    assertEquals("drug", first.path("kind").asText(), blin.body());
    assertEquals("blinatumomab", first.path("tag").asText(), blin.body());
    assertEquals(400, get(server.port(), "/api/suggest?q=").statusCode());

    // The same corpus served by the embedded engine: every prefix is answered alike, word for word and in order.
    try (SearchService embedded = TestSupport.lexicalSeedSearch(embeddedIndex);
        WebServer beside = WebServer.create(embedded).start("127.0.0.1", 0)) {
      for (String prefix : List.of("blin", "leuk", "stem ce", "gliv", "a", "ALL", "side eff", "treat", "car-t", "mainten",
          "chemo", "in", "zzzz")) {
        String q = "/api/suggest?limit=20&q=" + java.net.URLEncoder.encode(prefix, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> expected = get(beside.port(), q);
        HttpResponse<String> actual = get(server.port(), q);
        assertEquals(200, actual.statusCode(), actual.body());
        assertEquals(JSON.readTree(expected.body()), JSON.readTree(actual.body()), "suggestions for '" + prefix + "'");
      }
      assertEquals(20, JSON.readTree(get(server.port(), "/api/suggest?limit=20&q=a").body()).path("suggestions").size(),
          "a short prefix fills the list");
    }
  }

  /** Queries whose coverage both engines must report alike: drugs by name and brand, a class, a phrase, OR, a tag alone. */
  private static final List<String> COVERAGE_QUERIES = List.of("imatinib side effects", "Gleevec side effects",
      "tisagenlecleucel side effects", "side efects of dasatanib", "\"bone marrow\" transplant", "imatinib OR dasatinib relapse",
      "Campath", "Trisenox", "Kymriah", "hair loss", "stem cell transplant", "how long is induction", "leukaemia -child",
      "CNS relapse", "blinatumomab side effects", "maintenance chemotherapy");

  /**
   * The answers a reader can trust, as the embedded engine gives them (issue 16), over HTTP beside the embedded
   * engine on the same corpus: each hit's {@code coverage} (matched by the cluster's named queries), the response's
   * {@code coverage} and its message, a passage found by its tag alone showing the words that earned the tag, and
   * {@code explain}'s term lists and score explanations.
   */
  @Test
  @Order(3)
  void coverageTagSnippetsAndExplainAreTheEmbeddedEnginesOverHttp(@TempDir Path embeddedIndex) throws Exception {
    // Words and meaning on both, as served by default: the cluster's seed generation has passage vectors.
    TestSupport.models().await();
    try (SearchService embedded = TestSupport.seedSearch(embeddedIndex);
        WebServer beside = WebServer.create(embedded).start("127.0.0.1", 0)) {
      int hitsCompared = 0;
      for (String q : COVERAGE_QUERIES) {
        for (String filter : List.of("", "&tag=all")) {
          String path = "/api/search?limit=20&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + filter;
          JsonNode expected = JSON.readTree(get(beside.port(), path).body());
          JsonNode actual = JSON.readTree(get(server.port(), path).body());
          assertEquals(expected.path("coverage"), actual.path("coverage"), "coverage of " + path);
          java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
          expected.path("hits").forEach(h -> byId.put(h.path("id").asText(), h));
          for (JsonNode hit : actual.path("hits")) {
            assertTrue(hit.has("coverage"), hit.toString());
            JsonNode same = byId.get(hit.path("id").asText());
            if (same != null) {
              assertEquals(same.path("coverage"), hit.path("coverage"), hit.path("id").asText() + " for " + path);
              hitsCompared++;
            }
          }
        }
      }
      System.out.printf("coverage: %d hits compared with the embedded engine's, %d queries%n", hitsCompared,
          2 * COVERAGE_QUERIES.size());
      assertTrue(hitsCompared > 150, "too few hits on both engines' pages: " + hitsCompared);

      JsonNode imatinib = JSON.readTree(get(server.port(), "/api/search?q=imatinib+side+effects").body());
      assertEquals("No passage in these sources mentions imatinib together with side effects. Showing passages about each.",
          imatinib.at("/coverage/message").asText(), imatinib.toString());
      assertTrue(imatinib.at("/hits/0/text").asText().contains("imatinib"), "a drug outweighs a topic: " + imatinib.at("/hits/0"));

      // Found by its tag alone: the snippet marks the words that earned the tag, not the passage's opening words.
      for (String[] tagOnly : new String[][] {{"Campath", "<mark>anti-CD52</mark>"}, {"Trisenox", "<mark>arsenic</mark>"}}) {
        JsonNode first = JSON.readTree(get(server.port(), "/api/search?q=" + tagOnly[0]).body()).at("/hits/0");
        assertTrue(first.path("snippet").asText().contains(tagOnly[1]), first.toString());
        assertEquals("tag", first.at("/coverage/matched/0/by").asText(), first.toString());
      }

      String explained = "/api/search?explain=true&q=" + java.net.URLEncoder.encode("Gleevec side efects",
          java.nio.charset.StandardCharsets.UTF_8);
      JsonNode expected = JSON.readTree(get(beside.port(), explained).body()).path("understood");
      JsonNode actual = JSON.readTree(get(server.port(), explained).body());
      for (String field : List.of("searched", "terms", "expansions", "corrections", "tags", "impliedTags", "mode")) {
        assertEquals(expected.path(field), actual.path("understood").path(field), field + ": " + actual.path("understood"));
      }
      JsonNode why = actual.at("/hits/0/explanation");
      assertTrue(why.path("value").asDouble() > 0 && why.path("details").size() > 0, why.toString());
      assertTrue(why.toString().contains("tag:imatinib"), "the drug's tag lifts it: " + why);

      // A topic three of the 77 passages carry lifts by its share (3 / 77 of 5%), as on the embedded engine.
      Pattern lift = Pattern.compile("tag:clinical-trials\\)+\\^([0-9.]+)");
      List<String> lifts = new ArrayList<>();
      for (int port : new int[] {beside.port(), server.port()}) {
        Matcher m = lift.matcher(get(port, "/api/search?explain=true&q=clinical+trials").body());
        assertTrue(m.find(), "the topic's lift is explained");
        lifts.add(m.group(1));
      }
      assertEquals(lifts.get(0), lifts.get(1), "the topic's lift on both engines");
      assertTrue(Float.parseFloat(lifts.get(1)) < config.ranking().tagWeight(), lifts.toString());
      // A tag a passage carries because its document is about it is noted in its explanation.
      JsonNode inherited = JSON.readTree(get(server.port(), "/api/search?explain=true&q=maintenance").body());
      assertTrue(inherited.path("hits").toString().contains("tag all: the document is about it"), inherited.toString());
    }
  }

  /**
   * A paragraph quoted by four sources is one hit, as on the embedded engine: the same hits in the same order,
   * the same total (the matches less the quotes folded) and facets, and pages that cut one ranking.
   */
  @Test
  @Order(4)
  void aPassageQuotedBySeveralSourcesIsShownOnceAsOnTheEmbeddedEngine(@TempDir Path tmp) throws Exception {
    String[] words = ("garden river window mountain pencil harbour candle meadow lantern orchard violin castle pebble "
        + "thunder saddle blanket compass ladder marble feather anchor basket chimney dolphin engine falcon glacier").split(" ");
    java.util.Random random = new java.util.Random(7);
    List<String> quoted = new ArrayList<>();
    for (int w = 0; w < 90; w++) {
      quoted.add(words[random.nextInt(words.length)]);
    }
    Path corpus = tmp.resolve("quotes");
    for (int s = 0; s < 4; s++) {
      List<String> quote = new ArrayList<>(quoted);
      for (int k = 0; k <= s; k++) {
        quote.set(10 + k, "leukaemia"); // each quote says it once more: scores differ, the best is kept
      }
      List<String> own = new ArrayList<>();
      for (int w = 0; w < 60 + 7 * s; w++) {
        own.add(w == 5 ? "leukaemia" : words[random.nextInt(words.length)]);
      }
      TestSupport.write(corpus.resolve("source-" + (char) ('a' + s) + ".txt"), "Source number " + (char) ('A' + s) + "\n\n"
          + String.join(" ", quote) + ".\n\n" + String.join(" ", own) + ".\n");
    }
    try (OpenSearchEngine quotes = OpenSearchEngine.connect(cluster.urls(), config, "quotes-it");
        SearchService embedded = TestSupport.lexicalSearch(corpus, tmp.resolve("index"))) {
      String generation = quotes.build(new CorpusReader(config.limits(), false).folder(corpus), 2, 1, note -> { }).generation();
      try {
        quotesAlike(quotes, embedded);
      } finally {
        // Its shards gone before a node is stopped: fewer to recover before the cluster is green again.
        HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url(1) + "/" + generation)).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
      }
    }
  }

  /** The quotes corpus searched on both engines: the same hits, total, facets and pages. */
  private static void quotesAlike(OpenSearchEngine quotes, SearchService embedded) {
    SearchResponse onCluster = quotes.search(new SearchRequest("leukaemia", 10, 0, List.of(), List.of(), false));
    SearchResponse onLucene = embedded.search(new SearchRequest("leukaemia", 10, 0, List.of(), List.of(), false));
    List<String> ids = onCluster.hits().stream().map(SearchHit::id).toList();
    assertEquals(onLucene.hits().stream().map(SearchHit::id).toList(), ids);
    assertEquals(5, ids.size(), "four sources' own paragraphs and the quoted one once: " + ids);
    assertEquals(5, onCluster.total(), "8 matches less the 3 quotes folded");
    assertEquals(onLucene.total(), onCluster.total());
    assertEquals(onLucene.facets(), onCluster.facets());
    assertEquals(5, onCluster.facets().get("source").values().stream().mapToInt(Integer::intValue).sum());
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 6; offset += 2) {
      quotes.search(new SearchRequest("leukaemia", 2, offset, List.of(), List.of(), false)).hits()
          .forEach(h -> paged.add(h.id()));
    }
    assertEquals(ids, paged, "pages of two cut the ranking a page of ten cuts");
    assertEquals(ids, quotes.rankIds("leukaemia", 10), "evaluation ranks as search does");
  }

  @Test
  @Order(5)
  void relevanceOnTheSeedHeldOutSetIsNearTheEmbeddedEngines(@TempDir Path evalIndex) {
    StringWriter out = new StringWriter();
    // Words and meaning on both, the default: the cluster's generation is built with passage vectors.
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), 
        "eval", "--engine", "opensearch", "--opensearch", cluster.urls(), "--opensearch-alias", ALIAS,
            "--eval-index", evalIndex.toString(), "--vector-cache", TestSupport.vectorCache().toString(),
            "--corpus", TestSupport.corpus().toString(),
            "--config", TestSupport.config().toString(), "--judged", TestSupport.root().resolve("eval/seed").toString()).code();
    System.out.println(out);
    assertEquals(0, code, out.toString());
    Matcher m = Pattern.compile("(?m)^all\\s+\\d+ \\| ([0-9.]+)").matcher(out.toString());
    assertTrue(m.find(), out.toString());
    double lucene = Double.parseDouble(m.group(1));
    assertTrue(m.find(), out.toString());
    double openSearch = Double.parseDouble(m.group(1));
    System.out.printf("seed held-out nDCG@10: embedded %.3f, OpenSearch %.3f%n", lucene, openSearch);
    // Measured 2026-12-03, words and meaning: embedded 0.885, OpenSearch 0.883 (words alone: 0.867 and 0.867).
    assertTrue(Math.abs(lucene - openSearch) <= PARITY, "embedded " + lucene + ", OpenSearch " + openSearch);
  }

  /**
   * Search by meaning on the cluster answers as the embedded engine does: a plain-language question that shares
   * no word with its answer finds it at the same rank, a passage found by meaning alone shows its nearest
   * sentence, letters that are no word are not read for a meaning; a generation built without vectors, and the
   * semantic switch off, answer by words and say so.
   */
  @Test
  @Order(6)
  void aPlainLanguageQuestionIsAnsweredByMeaningAsOnTheEmbeddedEngine(@TempDir Path embeddedIndex) throws Exception {
    String q = "will treatment affect whether I can have a baby";
    JsonNode status = JSON.readTree(get(server.port(), "/api/index").body());
    assertEquals("hybrid", status.path("retrieval").path("mode").asText(), status.toString());
    assertEquals("bge-small-en-v1.5", status.path("retrieval").path("vectorModel").asText(), status.toString());
    JsonNode answer = JSON.readTree(get(server.port(), "/api/search?explain=true&q=" + encode(q)).body());
    assertEquals("hybrid", answer.path("understood").path("mode").asText(), answer.toString());
    int onCluster = rankOf(answer.path("hits"), "infertility");
    try (SearchService embedded = TestSupport.seedSearch(embeddedIndex)) {
      SearchResponse there = embedded.search(new SearchRequest(q, 10, 0, List.of(), List.of(), false));
      int expected = there.hits().stream().filter(h -> h.text().toLowerCase(java.util.Locale.ROOT).contains("infertility"))
          .findFirst().orElseThrow().rank();
      // Measured 2026-12-03: embedded 7, cluster 6 (the cluster folds no near-duplicates; its vectors are bytes).
      assertTrue(Math.abs(expected - onCluster) <= 1, "embedded rank " + expected + ", cluster " + onCluster + ": " + answer);
    }

    JsonNode byMeaning = JSON.readTree(get(server.port(), "/api/search?q=" + encode("pregnant baby offspring")).body());
    assertFalse(byMeaning.path("hits").isEmpty(), "no word of it is in the corpus; found by meaning: " + byMeaning);
    for (int i = 0; i < Math.min(3, byMeaning.path("hits").size()); i++) {
      JsonNode hit = byMeaning.path("hits").path(i);
      String snippet = hit.path("snippet").asText();
      assertFalse(snippet.contains("<mark>"), snippet);
      String sentence = snippet.replace("&#x27;", "'").replace("&quot;", "\"").replace("&#x2F;", "/")
          .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("…", "").strip();
      assertTrue(hit.path("text").asText().contains(sentence), "one of the passage's own sentences: " + snippet);
    }
    JsonNode nonsense = JSON.readTree(get(server.port(), "/api/search?explain=true&q=xyzzy+plugh").body());
    assertEquals(0, nonsense.path("hits").size(), nonsense.toString());
    assertEquals("lexical", nonsense.path("understood").path("mode").asText(), nonsense.toString());

    // Built by a process whose model cannot load: no vectors, and the build says so; served by an engine that
    // has the model, by words.
    List<String> notes = new ArrayList<>();
    try (ModelSlot unloadable = ModelSlot.off("the model cannot load here");
        OpenSearchEngine wordsOnly = OpenSearchEngine.connect(cluster.urls(), config, "words-only-it", unloadable,
            embeddedIndex.resolve("words-only-vectors"));
        OpenSearchEngine reader = OpenSearchEngine.connect(cluster.urls(), config, "words-only-it", TestSupport.models(),
            TestSupport.vectorCache())) {
      // One replica, and removed afterwards: the tests after this one stop a node and wait for green.
      String built = wordsOnly.build(new CorpusReader(config.limits(), false).folder(TestSupport.corpus()), 1, 1,
          notes::add).generation();
      assertTrue(notes.stream().anyMatch(n -> n.startsWith("warning: building without passage vectors")
          && n.contains("the model cannot load here")), "the build says it has no vectors, and why: " + notes);
      IndexStatus.Retrieval retrieval = reader.status().retrieval();
      assertEquals("lexical", retrieval.mode(), retrieval.toString());
      assertTrue(retrieval.reason().contains("has no passage vectors"), retrieval.toString());
      SearchResponse byWords = reader.search(new SearchRequest(q, 10, 0, List.of(), List.of(), true));
      assertEquals("lexical", byWords.understood().mode());
      int lexicalRank = byWords.hits().stream().filter(h -> h.text().contains("infertility")).findFirst()
          .map(h -> h.rank()).orElse(Integer.MAX_VALUE);
      assertTrue(onCluster < lexicalRank, "by meaning " + onCluster + ", by words " + lexicalRank);
      HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url(1) + "/" + built)).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
    }
    IndexConfig off = config.withSemantic(config.semantic().withEnabled(false));
    try (OpenSearchEngine switchedOff = OpenSearchEngine.connect(cluster.urls(), off, ALIAS, TestSupport.models(), null)) {
      IndexStatus.Retrieval retrieval = switchedOff.status().retrieval();
      assertEquals("lexical", retrieval.mode(), retrieval.toString());
      assertTrue(retrieval.reason().contains("semantic retrieval is off"), retrieval.toString());
    }
  }

  private static String encode(String q) {
    return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int rankOf(JsonNode hits, String word) {
    for (JsonNode h : hits) {
      if (h.path("text").asText().toLowerCase(java.util.Locale.ROOT).contains(word)) {
        return h.path("rank").asInt();
      }
    }
    return Integer.MAX_VALUE;
  }

  @Test
  @Order(7)
  void searchesNeverFailWhileANodeStopsAndComesBackAndARebuildMovesTheAlias() throws Exception {
    String[] queries = {"blinatumomab side effects", "stem cell transplant", "maintenance", "imatinib",
        "CNS relapse", "\"bone marrow\"", "leukaemia -child", "CAR-T therapy"};
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean nodeDown = new AtomicBoolean(false);
    AtomicLong sent = new AtomicLong();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Long> duringFailure = Collections.synchronizedList(new ArrayList<>());
    long retriesBefore = engine.retries();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      int offset = c;
      Thread t = new Thread(() -> {
        int i = offset;
        while (running.get()) {
          long started = System.nanoTime();
          try {
            engine.search(SearchRequest.of(queries[i++ % queries.length]));
          } catch (RuntimeException e) {
            failures.add(e.toString());
          }
          sent.incrementAndGet();
          if (nodeDown.get()) {
            duringFailure.add((System.nanoTime() - started) / 1_000_000);
          }
        }
      }, "client-" + c);
      t.start();
      clients.add(t);
    }
    Thread.sleep(1_000);
    nodeDown.set(true);
    cluster.stop(2);
    Thread.sleep(3_000);
    // A rebuild while the node is down and four clients search: a new generation, verified, the alias moved.
    BulkWriter.Built rebuilt = engine.build(new CorpusReader(config.limits(), false).folder(TestSupport.corpus()), 2, 1, note -> { });
    cluster.start(2);
    nodeDown.set(false);
    Thread.sleep(1_000);
    running.set(false);
    for (Thread t : clients) {
      t.join();
    }
    long retried = engine.retries() - retriesBefore;
    List<Long> sorted = new ArrayList<>(duringFailure);
    Collections.sort(sorted);
    long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
    System.out.printf("failover: searches sent %d, failed %d, retried %d, p99 during the failure %d ms (%d searches); rebuilt %s%n",
        sent.get(), failures.size(), retried, p99, sorted.size(), rebuilt.generation());
    assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())));
    assertEquals(rebuilt.generation(), engine.servedGeneration());
    assertTrue(sent.get() > 20, "too few searches: " + sent.get());
    assertTrue(waitForGreen(), "cluster health did not return to green");
  }

  private static boolean waitForGreen() throws Exception {
    for (int i = 0; i < 120; i++) {
      try {
        JsonNode health = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url(1) + "/_cluster/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body());
        if ("green".equals(health.path("status").asText())) {
          return true;
        }
      } catch (java.io.IOException e) {
        // a node still starting
      }
      Thread.sleep(500);
    }
    return false;
  }

  private static HttpResponse<String> admin(String method, String path, String token, String type, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The job once it has ended, polled over HTTP. */
  private static JsonNode finished(HttpResponse<String> accepted) throws Exception {
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonNode job = JSON.readTree(accepted.body());
    assertEquals("QUEUED", job.path("state").asText(), accepted.body());
    for (int i = 0; i < 600; i++) {
      job = JSON.readTree(admin("GET", "/api/index/jobs/" + job.path("id").asText(), TOKEN, null, null).body());
      if (job.path("state").asText().equals("SUCCEEDED") || job.path("state").asText().equals("FAILED")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the job did not end: " + job);
  }

  private static String served() throws Exception {
    return JSON.readTree(get(server.port(), "/api/index").body()).path("generation").asText();
  }

  /** The generations of the alias in the cluster, oldest first. */
  private static List<String> generationsInCluster() throws Exception {
    JsonNode indices = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url(1) + "/_cat/indices/" + ALIAS
        + "-*?format=json&h=index")).build(), HttpResponse.BodyHandlers.ofString()).body());
    List<String> names = new ArrayList<>();
    // Not the evaluation's generations (alias passages-it-eval-seed), nor the lease index (passages-it-lock).
    indices.forEach(i -> {
      if (i.path("index").asText().matches(ALIAS + "-\\d{8}-\\d{6}-\\d{3}")) {
        names.add(i.path("index").asText());
      }
    });
    Collections.sort(names);
    return names;
  }

  @Test
  @Order(8)
  void rebuildAndRollbackThroughTheAdminRoutesMoveTheAliasAndSearchesNeverFail() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicLong searched = new AtomicLong();
    Thread client = new Thread(() -> {
      while (running.get()) {
        try {
          HttpResponse<String> r = get(server.port(), "/api/search?q=imatinib+side+effects");
          if (r.statusCode() != 200 || JSON.readTree(r.body()).path("total").asInt() == 0) {
            failures.add(r.statusCode() + " " + r.body());
          }
          searched.incrementAndGet();
        } catch (Exception e) {
          failures.add(e.toString());
        }
      }
    }, "searching-client");
    client.start();
    try {
      assertEquals(401, admin("POST", "/api/index/rebuild?corpus=configured", null, null, null).statusCode());
      assertEquals(401, admin("POST", "/api/index/rollback", "wrong", null, null).statusCode());
      String before = served();

      // The configured corpus: a new index, verified, the alias moved to it; the one it left kept for rollback.
      HttpResponse<String> accepted = admin("POST", "/api/index/rebuild?corpus=configured", TOKEN, null, null);
      // One at a time: a rollback while the rebuild runs is refused and changes nothing.
      HttpResponse<String> meanwhile = admin("POST", "/api/index/rollback", TOKEN, null, null);
      assertEquals(409, meanwhile.statusCode(), meanwhile.body());
      // And so is another server on the same alias (another process): the rebuild holds the alias's lease.
      try (ClusterRebuilds otherAdmin = ClusterAdmin.of(engine, config, TestSupport.corpus(),
              Files.createTempDirectory("other-uploads"), 2, 1);
          WebServer other = WebServer.create(engine, new HttpSettings(List.of(), TOKEN), otherAdmin).start("127.0.0.1", 0)) {
        HttpResponse<String> elsewhere = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port()
            + "/api/index/rollback")).header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(409, elsewhere.statusCode(), elsewhere.body());
        assertTrue(elsewhere.body().contains("another process is working on the alias"), elsewhere.body());
      }
      JsonNode rebuilt = finished(accepted);
      assertEquals("SUCCEEDED", rebuilt.path("state").asText(), rebuilt.toString());
      String configured = rebuilt.path("generation").asText();
      assertTrue(configured.startsWith(ALIAS + "-"), rebuilt.toString());
      assertEquals(configured, served());
      assertEquals(77, rebuilt.path("passages").asInt(), rebuilt.toString());
      assertEquals(List.of(before, configured), generationsInCluster());
      HttpResponse<String> lease = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url(1) + "/" + ALIAS + "-lock/_doc/lease"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertFalse(JSON.readTree(lease.body()).path("found").asBoolean(), "the lease is given back: " + lease.body());

      // A corpus of which nothing can be read fails saying why; its index is removed and the alias stays.
      StringBuilder bad = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        bad.append("{not json ").append(i).append("\n");
      }
      JsonNode failed = finished(admin("POST", "/api/index/rebuild", TOKEN, "application/x-ndjson", bad.toString()));
      assertEquals("FAILED", failed.path("state").asText(), failed.toString());
      assertTrue(failed.path("message").asText().startsWith("the corpus gave no passages"), failed.toString());
      assertTrue(failed.path("message").asText().contains("upload.jsonl"), "names the first reasons: " + failed);
      assertEquals(configured, served());
      assertEquals(List.of(before, configured), generationsInCluster());

      // An uploaded corpus is served; the generation before it is kept, the one before that removed.
      String jsonl = "{\"_id\": \"u1\", \"title\": \"Uploaded\", \"text\": \"Ponatinib is a third-generation "
          + "tyrosine kinase inhibitor used when imatinib stops working.\"}\n";
      JsonNode uploaded = finished(admin("POST", "/api/index/rebuild", TOKEN, "application/x-ndjson", jsonl));
      assertEquals("SUCCEEDED", uploaded.path("state").asText(), uploaded.toString());
      String upload = uploaded.path("generation").asText();
      assertEquals(upload, served());
      assertEquals(List.of(configured, upload), generationsInCluster());
      JsonNode ponatinib = JSON.readTree(get(server.port(), "/api/search?q=ponatinib").body());
      assertEquals("u1", ponatinib.path("hits").path(0).path("source").path("id").asText(), ponatinib.toString());
      assertEquals(200, get(server.port(), "/api/documents/u1").statusCode());

      // Rollback moves the alias back to the generation before; a second has none before that to go to.
      HttpResponse<String> back = admin("POST", "/api/index/rollback", TOKEN, null, null);
      assertEquals(200, back.statusCode(), back.body());
      assertEquals(configured, JSON.readTree(back.body()).path("generation").asText());
      assertEquals(configured, served());
      assertEquals(404, get(server.port(), "/api/documents/u1").statusCode(), "the uploaded source is not served now");
      HttpResponse<String> again = admin("POST", "/api/index/rollback", TOKEN, null, null);
      assertEquals(409, again.statusCode(), again.body());
      assertTrue(again.body().contains("no previous generation"), again.body());
      assertEquals(configured, served());
      assertEquals(List.of(configured, upload), generationsInCluster(), "a failed rollback removes nothing");
    } finally {
      running.set(false);
      client.join();
    }
    System.out.printf("admin routes: %d searches over HTTP during the rebuilds and rollbacks, %d failed%n",
        searched.get(), failures.size());
    assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())));
    assertTrue(searched.get() > 10, "too few searches: " + searched.get());
  }

  @Test
  @Order(9)
  void anUnreachableClusterIsA503NamingTheCauseAndNotReady() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    try (OpenSearchEngine nowhere = OpenSearchEngine.connect("http://127.0.0.1:" + closed, config, ALIAS);
        WebServer down = WebServer.create(nowhere).start("127.0.0.1", 0)) {
      HttpResponse<String> search = get(down.port(), "/api/search?q=imatinib");
      assertEquals(503, search.statusCode(), search.body());
      JsonNode error = JSON.readTree(search.body());
      assertEquals(503, error.path("status").asInt());
      assertTrue(error.path("error").asText().contains("cannot be reached"), search.body());
      assertNotNull(error.path("error").asText());
      HttpResponse<String> ready = get(down.port(), "/ready");
      assertEquals(503, ready.statusCode(), ready.body());
    }
  }

  /**
   * Issue 18's fault tolerance on a real corpus: SciFact's 5,183 abstracts (9,546 passages) under an alias of their
   * own ({@value #SCIFACT}, two shards, one replica), built by {@link OpenSearchEngine#build} from the JSON Lines
   * file and served by the HTTP server, then four clients send SciFact's 300 test claims over HTTP while node 2 is
   * stopped and, with it down, a rebuild of the whole corpus through the admin route writes a new generation and
   * moves the alias. No search may fail (a node that goes away is retried on another within the request's time
   * limit), answers must keep coming throughout (a minimum count, and no long silence), the alias must end on the
   * rebuilt generation with every passage, and the cluster's health must return to green once the node is back.
   * The node stays down for the whole rebuild, the full corpus: no smaller version was chosen, since the time is
   * the two builds' whatever the node does (restarting it halfway through the rebuild shortens nothing).
   *
   * <p>Measured 2026-12-03 18:27-18:39, this method alone, load average 26 from other builds on the two shared
   * cores: the first build 159 s; node 2 down 539 s while the rebuild ran; 2,594 searches sent, 8 failed (503, a node
   * answered no search in its 2 s: the load, not the node's loss), 14 retried, p99 3.2 s while the node was down,
   * longest silence 12.7 s; green afterwards; 708 s in all. In the whole class at 18:44-18:56 (load about 19 falling
   * to near 0): first build 146 s, node down 179 s, 1,555 searches, 0 failed, 3 retried, p99 1.5 s, 329 s in all;
   * still over the suite's budget of about 4 minutes for this test.
   */
  @Test
  @Order(10)
  void sciFactSearchesOverHttpNeverFailWhileANodeStopsAndARebuildMovesItsAlias(@TempDir Path tmp) throws Exception {
    Path data = TestSupport.root().resolve("../shared/data/scifact").normalize();
    Assumptions.assumeTrue(Files.isRegularFile(data.resolve("corpus.jsonl")) && Files.isRegularFile(
        data.resolve("queries-test.jsonl")), "../shared/data/scifact is not here: the SciFact failover is not run");
    Path corpus = Files.createDirectories(tmp.resolve("scifact"));
    Files.createSymbolicLink(corpus.resolve("corpus.jsonl"), data.resolve("corpus.jsonl"));
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(data.resolve("queries-test.jsonl"))) {
      queries.add(JSON.readTree(line).path("text").asText());
    }
    assertEquals(300, queries.size());

    long began = System.nanoTime();
    try (OpenSearchEngine sciFact = OpenSearchEngine.connect(cluster.urls(), config, SCIFACT);
        ClusterRebuilds sciFactAdmin = ClusterAdmin.of(sciFact, config, corpus, Files.createDirectories(tmp.resolve("uploads")), 2, 1);
        WebServer serving = WebServer.create(sciFact, new HttpSettings(List.of(), TOKEN), sciFactAdmin).start("127.0.0.1", 0)) {
      BulkWriter.Built first = sciFact.build(new CorpusReader(config.limits(), false).folder(corpus), 2, 1, note -> { });
      long built = System.nanoTime();
      System.out.printf("SciFact built: %d documents, %d passages in %.0f s%n", first.documents(), first.passages(),
          (built - began) / 1e9);
      assertEquals(5_183, first.documents(), first.toString());
      JsonNode index = JSON.readTree(get(serving.port(), "/api/index").body());
      assertEquals(first.generation(), index.path("generation").asText(), index.toString());

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicBoolean nodeDown = new AtomicBoolean(false);
      AtomicLong sent = new AtomicLong();
      AtomicLong answeredWhileDown = new AtomicLong();
      AtomicLong withHits = new AtomicLong();
      AtomicLong lastAnswer = new AtomicLong(System.nanoTime());
      AtomicLong longestSilence = new AtomicLong();
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      List<Long> duringFailure = Collections.synchronizedList(new ArrayList<>());
      java.util.Set<String> generationsAnswering = java.util.concurrent.ConcurrentHashMap.newKeySet();
      long retriesBefore = sciFact.retries();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int offset = c * queries.size() / 4;
        Thread t = new Thread(() -> {
          int i = offset;
          while (running.get()) {
            String q = queries.get(i++ % queries.size());
            long started = System.nanoTime();
            boolean down = nodeDown.get();
            try {
              HttpResponse<String> r = get(serving.port(), "/api/search?limit=10&q="
                  + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
              JsonNode answer = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
              if (answer == null || !answer.path("hits").isArray()) {
                failures.add(r.statusCode() + " for '" + q + "': " + r.body());
              } else {
                long now = System.nanoTime();
                long silence = now - lastAnswer.getAndSet(now);
                // Any wait for an answer that began or ended while the node was down: none may be long.
                if (down || nodeDown.get()) {
                  answeredWhileDown.incrementAndGet();
                  longestSilence.accumulateAndGet(silence, Math::max);
                }
                if (answer.path("total").asLong() > 0) {
                  withHits.incrementAndGet();
                }
                generationsAnswering.add(answer.path("generation").asText());
              }
            } catch (Exception e) {
              failures.add(e + " for '" + q + "'");
            }
            sent.incrementAndGet();
            if (down) {
              duringFailure.add((System.nanoTime() - started) / 1_000_000);
            }
            try {
              Thread.sleep(THINK_MILLIS);
            } catch (InterruptedException e) {
              return;
            }
          }
        }, "scifact-client-" + c);
        t.start();
        clients.add(t);
      }
      JsonNode rebuilt;
      long downAt;
      long upAt;
      try {
        Thread.sleep(2_000);
        lastAnswer.set(System.nanoTime());
        nodeDown.set(true);
        downAt = System.nanoTime();
        cluster.stop(2);
        Thread.sleep(3_000);
        // The whole corpus again, through the admin route, while the node is down and the four clients search.
        HttpResponse<String> accepted = admin(serving.port(), "POST", "/api/index/rebuild?corpus=configured");
        assertEquals(202, accepted.statusCode(), accepted.body());
        rebuilt = ended(serving.port(), JSON.readTree(accepted.body()).path("id").asText(), Duration.ofMinutes(10));
        Thread.sleep(1_000);
        cluster.start(2);
        nodeDown.set(false);
        upAt = System.nanoTime();
        Thread.sleep(1_000);
      } finally {
        running.set(false);
        for (Thread t : clients) {
          t.join();
        }
        System.out.printf("SciFact clients: searches sent %d, failed %d, %d answered while the node was down; first "
            + "failures %s%n", sent.get(), failures.size(), answeredWhileDown.get(), failures.subList(0, Math.min(3, failures.size())));
      }
      long retried = sciFact.retries() - retriesBefore;
      List<Long> sorted = new ArrayList<>(duringFailure);
      Collections.sort(sorted);
      long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
      boolean green = waitForGreen();
      System.out.printf("SciFact failover: built %d documents, %d passages in %.0f s; node 2 down %.0f s while the rebuild "
              + "ran (%s); searches sent %d, failed %d, retried %d, p99 during the failure %d ms (%d searches, %d answered, "
              + "longest silence %d ms), %d with hits; green %s; %.0f s in all%n",
          first.documents(), first.passages(), (built - began) / 1e9, (upAt - downAt) / 1e9, rebuilt.path("state").asText(),
          sent.get(), failures.size(), retried, p99, sorted.size(), answeredWhileDown.get(),
          longestSilence.get() / 1_000_000, withHits.get(), green, (System.nanoTime() - began) / 1e9);
      assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())));
      assertEquals("SUCCEEDED", rebuilt.path("state").asText(), rebuilt.toString());
      String generation = rebuilt.path("generation").asText();
      assertTrue(generation.startsWith(SCIFACT + "-") && generation.compareTo(first.generation()) > 0, rebuilt.toString());
      assertEquals(first.passages(), rebuilt.path("passages").asInt(), rebuilt.toString());
      index = JSON.readTree(get(serving.port(), "/api/index").body());
      assertEquals(generation, index.path("generation").asText(), "the alias moved to the rebuilt generation: " + index);
      assertEquals(5_183, index.path("documents").asInt(), index.toString());
      assertTrue(generationsAnswering.containsAll(List.of(first.generation(), generation)),
          "searches were answered by both generations, before and after the move: " + generationsAnswering);
      assertTrue(answeredWhileDown.get() >= 40, "too few answers while the node was down: " + answeredWhileDown.get());
      assertTrue(longestSilence.get() < 15_000_000_000L,
          "answers stopped for " + longestSilence.get() / 1_000_000 + " ms while the node was down");
      assertTrue(withHits.get() * 10 >= sent.get() * 9, withHits.get() + " of " + sent.get() + " claims found passages");
      assertTrue(green, "cluster health did not return to green");
    }
  }

  /** An admin request with the token to the server at {@code port}. */
  private static HttpResponse<String> admin(int port, String method, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TOKEN).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The job once it has ended, polled over HTTP for at most {@code limit}. */
  private static JsonNode ended(int port, String id, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonNode job = null;
    while (System.nanoTime() < deadline) {
      job = JSON.readTree(admin(port, "GET", "/api/index/jobs/" + id).body());
      if (job.path("state").asText().equals("SUCCEEDED") || job.path("state").asText().equals("FAILED")) {
        return job;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the job did not end in " + limit + ": " + job);
  }
}
