package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.ingest.Corpus;
import passagesearch.ingest.CorpusFolder;
import passagesearch.ingest.CorpusReader;
import passagesearch.ingest.SourceDocument;

/** Index generations on disk: publish, keep one for rollback, survive failed and half-done builds. */
class IndexStoreTest {
  @TempDir Path tmp;
  final IndexConfig config = TestSupport.loadConfig();
  final Corpus seed = new CorpusReader().read(TestSupport.corpus());

  static long generations(Path root) throws Exception {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
    }
  }

  @Test
  void eachBuildPublishesANewGenerationAndKeepsOnlyThePreviousOne() throws Exception {
    IndexStore store = new IndexStore(tmp);
    assertTrue(store.current().isEmpty());
    GenerationInfo first = store.build(seed, config);
    assertEquals("gen-000001", first.name());
    assertEquals(5, first.documents().size());
    assertEquals(first.passages(), first.documents().stream().mapToInt(GenerationInfo.DocumentEntry::passages).sum());
    store.build(seed, config);
    GenerationInfo third = store.build(seed, config);
    assertEquals("gen-000003", store.current().orElseThrow().name());
    assertEquals(third.name(), store.current().orElseThrow().name());
    assertFalse(Files.exists(tmp.resolve("gen-000001")));
    assertTrue(Files.exists(tmp.resolve("gen-000002")), "previous generation kept for rollback");
    assertEquals(2, generations(tmp));
  }

  @Test
  void freshnessFollowsTheCorpusAndTheConfiguration() {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    store.build(seed, config);
    assertTrue(store.isFresh(seed, config));
    Path changed = tmp.resolve("corpus");
    TestSupport.copyFiles(TestSupport.corpus(), changed);
    TestSupport.write(changed.resolve("extra.txt"), "Extra\n\nA new paragraph about imatinib.\n");
    assertFalse(store.isFresh(new CorpusReader().read(changed), config));
  }

  @Test
  void aGenerationWrittenWithAnOlderLayoutIsStaleAndIsNotServed() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    GenerationInfo built = store.build(seed, config);
    Path info = tmp.resolve("index").resolve(built.name()).resolve(IndexStore.INFO_FILE);
    String json = Files.readString(info);
    assertTrue(json.contains("\"layout\" : " + PassageDocuments.LAYOUT), json);
    Files.writeString(info, json.replace("\"layout\" : " + PassageDocuments.LAYOUT, "\"layout\" : 1"));
    assertFalse(store.isFresh(seed, config));
    IndexException refused = assertThrows(IndexException.class, () -> store.openCurrent(config));
    assertTrue(refused.getMessage().contains("older version"), refused.getMessage());
  }

  @Test
  void aSearcherPastItsDeadlineStopsMatchingAndSaysSo() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    store.build(seed, config);
    try (OpenIndex index = store.openCurrent(config)) {
      var query = new org.apache.lucene.search.MatchAllDocsQuery();
      var inTime = index.searcher(System.nanoTime() + 60_000_000_000L);
      assertTrue(inTime.search(query, 10).scoreDocs.length > 0);
      assertFalse(inTime.timedOut());
      var late = index.searcher(System.nanoTime() - 1);
      assertEquals(0, late.search(query, 10).scoreDocs.length);
      assertTrue(late.timedOut(), "a search past its deadline is marked partial");
    }
  }

  @Test
  void aFailedBuildLeavesTheServingGenerationUntouched() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    store.build(seed, config);
    Path emptyish = tmp.resolve("chrome-only");
    TestSupport.write(emptyish.resolve("a.txt"), "Share this page\n\nSign up to the newsletter\n");
    Corpus nothing = new CorpusReader().read(emptyish);
    IndexException e = assertThrows(IndexException.class, () -> store.build(nothing, config));
    assertTrue(e.getMessage().contains("no passages"), e.getMessage());
    assertEquals("gen-000001", store.current().orElseThrow().name());
    assertEquals(1, generations(tmp.resolve("index")), "the failed generation's folder is removed");
    try (OpenIndex open = store.openCurrent(config)) {
      assertEquals(store.current().orElseThrow().passages(), open.searcher().getIndexReader().numDocs());
    }
  }

  @Test
  void anUnpublishedGenerationLeftByACrashIsRemovedAndTheLastGoodOneServed() throws Exception {
    IndexStore store = new IndexStore(tmp);
    store.build(seed, config);
    Files.createDirectories(tmp.resolve("gen-000002"));
    Files.writeString(tmp.resolve("gen-000002/_0.cfs"), "half written");
    store.removeUnpublished();
    assertFalse(Files.exists(tmp.resolve("gen-000002")));
    assertEquals("gen-000001", store.current().orElseThrow().name());
    assertEquals("gen-000002", store.build(seed, config).name());
  }

  @Test
  void aCorruptPointerMeansNoCurrentGeneration() throws Exception {
    IndexStore store = new IndexStore(tmp);
    store.build(seed, config);
    Files.writeString(tmp.resolve(IndexStore.CURRENT), "../../etc");
    assertTrue(store.current().isEmpty());
    assertThrows(IndexException.class, () -> store.openCurrent(config));
  }

  /** Rolls back under the lock, as the server does, and closes what it opened. */
  static String rollBack(IndexStore store, IndexConfig config) {
    try (IndexLock lock = store.lock(); OpenIndex opened = store.rollback(lock, config)) {
      return opened.info().name();
    }
  }

  @Test
  void afterARollbackTheNextBuildKeepsTheGenerationThatWasServed() throws Exception {
    IndexStore store = new IndexStore(tmp);
    store.build(seed, config);
    store.build(seed, config);
    assertEquals("gen-000001", rollBack(store, config));
    assertEquals("gen-000001", store.current().orElseThrow().name());
    store.build(seed, config);
    assertEquals("gen-000003", store.current().orElseThrow().name());
    assertTrue(Files.exists(tmp.resolve("gen-000001")), "the generation served before is kept for rollback");
    assertFalse(Files.exists(tmp.resolve("gen-000002")));
    assertEquals("gen-000001", rollBack(store, config));
  }

  @Test
  void aRollbackToAGenerationThatCannotBeOpenedChangesNothingAndSaysWhy() throws Exception {
    IndexStore store = new IndexStore(tmp);
    store.build(seed, config);
    store.build(seed, config);
    try (Stream<Path> files = Files.list(tmp.resolve("gen-000001"))) {
      for (Path segments : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.delete(segments);
      }
    }
    NoRollback refused = assertThrows(NoRollback.class, () -> rollBack(store, config));
    assertTrue(refused.getMessage().contains("gen-000001 cannot be served"), refused.getMessage());
    assertTrue(refused.getMessage().contains("gen-000002 stays"), refused.getMessage());
    assertEquals("gen-000002\n", Files.readString(tmp.resolve(IndexStore.CURRENT)));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
    }
    try (OpenIndex open = store.openCurrent(config)) {
      assertEquals("gen-000002", open.info().name());
    }
    NoRollback none = assertThrows(NoRollback.class, () -> rollBack(new IndexStore(tmp.resolve("empty")), config));
    assertEquals("no generation is published in " + tmp.resolve("empty"), none.getMessage());
  }

  @Test
  void theLockIsHeldByOneHolderAtATimeAndTheLeftoversOfARunningBuildAreNotRemoved() throws Exception {
    IndexStore store = new IndexStore(tmp);
    store.build(seed, config);
    Files.createDirectories(tmp.resolve("gen-000002"));
    Files.writeString(tmp.resolve("gen-000002/_0.cfs"), "being written by another builder");
    Files.createDirectories(store.scratch().resolve("upload-in-flight"));
    try (IndexLock held = store.lock()) {
      assertThrows(IndexBusy.class, store::lock, "one holder at a time");
      assertThrows(IndexBusy.class, () -> new IndexStore(tmp).lock(), "another store on the same folder too");
      store.removeUnpublished(); // takes the lock itself: it is held, so it leaves everything alone
      assertTrue(Files.exists(tmp.resolve("gen-000002/_0.cfs")), "another holder's half-built generation is kept");
      assertTrue(Files.exists(store.scratch().resolve("upload-in-flight")));
      long started = System.nanoTime();
      assertThrows(IndexBusy.class, () -> store.lock(java.time.Duration.ofMillis(300), () -> { }));
      assertTrue(System.nanoTime() - started >= 300_000_000L, "waited before giving up");
    }
    Files.writeString(tmp.resolve("CURRENT.1234.tmp"), "");
    store.removeUnpublished();
    assertFalse(Files.exists(tmp.resolve("gen-000002")));
    assertFalse(Files.exists(store.scratch()), "upload scratch left by a crash is removed");
    assertFalse(Files.exists(tmp.resolve("CURRENT.1234.tmp")));
    assertTrue(Files.exists(tmp.resolve(IndexLock.FILE)), "the lock file stays; the lock is the OS's");
    try (IndexLock again = store.lock()) {
      assertEquals("gen-000002", store.build(seed, config).name());
    }
  }

  // ---- the streamed build (issue 14) and bad files (issue 13) ----

  @Test
  void eachDocumentsTextIsKeptOnItsOwnAndReadBackOneDocumentAtATime() throws Exception {
    IndexStore store = new IndexStore(tmp);
    GenerationInfo info = store.build(new CorpusReader().folder(TestSupport.corpus()), config);
    Path gen = tmp.resolve(info.name());
    assertTrue(Files.isRegularFile(gen.resolve(SourceTexts.TEXTS)));
    assertEquals(8L * (5 + 1), Files.size(gen.resolve(SourceTexts.OFFSETS)), "a start for each document, and the end");
    assertFalse(Files.exists(gen.resolve(IndexStore.SOURCES_FILE)), "no file of all the texts");
    try (OpenIndex open = store.openCurrent(config)) {
      for (SourceDocument d : seed.documents()) {
        assertEquals(d.text(), open.sourceText(d.id()), d.id());
      }
      assertEquals(null, open.sourceText("no-such-document"));
    }
  }

  @Test
  void aStreamedBuildHoldsWhatABuildFromTheCorpusInTheHeapHolds() {
    GenerationInfo inHeap = new IndexStore(tmp.resolve("a")).build(seed, config);
    GenerationInfo streamed = new IndexStore(tmp.resolve("b")).build(new CorpusReader().folder(TestSupport.corpus()), config);
    assertEquals(inHeap.documents(), streamed.documents());
    assertEquals(inHeap.passages(), streamed.passages());
    assertEquals(inHeap.corpusFingerprint(), streamed.corpusFingerprint());
  }

  @Test
  void badFilesAreSkippedWithTheirReasonsAndTheRestIsIndexed() throws Exception {
    Path corpus = tmp.resolve("corpus");
    TestSupport.copyFiles(TestSupport.corpus(), corpus);
    // A 32 KB heading once failed the whole rebuild: a doc value over Lucene's 32,766 bytes.
    TestSupport.write(corpus.resolve("huge-heading.md"), "# " + "Leukaemia ".repeat(3_300) + "\n\n"
        + "Imatinib is a tablet taken once a day with food and a large glass of water.\n");
    TestSupport.write(corpus.resolve("ids.jsonl"), "{\"_id\": \"..\", \"text\": \"Imatinib is a tablet.\"}\n");
    Files.write(corpus.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    CorpusFolder folder = new CorpusReader(config.limits(), false).folder(corpus);
    IndexStore store = new IndexStore(tmp.resolve("index"));
    GenerationInfo info = store.build(folder, config);
    assertEquals(6, info.documents().size());
    assertEquals(List.of("ids.jsonl line 1: its id '..' would give URLs no browser can open",
        "latin1.txt: not valid UTF-8"), folder.lastReport().skipped());
    assertEquals(List.of("huge-heading.md (huge-heading): 1 heading(s) longer than 200 characters, cut at a word "
        + "(heading.hardMaxChars)"), folder.lastReport().warnings().subList(1, 2));
    try (OpenIndex open = store.openCurrent(config)) {
      assertEquals(info.passages(), open.searcher().getIndexReader().numDocs());
    }
  }

  @Test
  void aCorpusOfOnlyBadRecordsFailsSayingWhy() {
    Path corpus = tmp.resolve("bad");
    TestSupport.write(corpus.resolve("a.jsonl"), "{not json\n{\"title\": \"no id\"}\n");
    IndexStore store = new IndexStore(tmp.resolve("index"));
    IndexException e = assertThrows(IndexException.class,
        () -> store.build(new CorpusReader().folder(corpus), config));
    assertEquals("the corpus gave no passages: nothing to index (2 skipped: a.jsonl line 1: not valid JSON "
        + "(Unexpected character ('n' (code 110)): was expecting double-quote to start field name); a.jsonl line 2: "
        + "needs an \"_id\"; a.jsonl: none of its 2 records is a document (the first: not valid JSON (Unexpected "
        + "character ('n' (code 110)): was expecting double-quote to start field name)))", e.getMessage());
    assertTrue(store.current().isEmpty());
  }

  @Test
  void strictFailsTheBuildOnTheFirstBadFileAndLeavesNothingBehind() throws Exception {
    Path corpus = tmp.resolve("corpus");
    TestSupport.copyFiles(TestSupport.corpus(), corpus);
    Files.write(corpus.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    IndexStore store = new IndexStore(tmp.resolve("index"));
    passagesearch.ingest.CorpusException e = assertThrows(passagesearch.ingest.CorpusException.class,
        () -> store.build(new CorpusReader(config.limits(), true).folder(corpus), config));
    assertEquals("--strict: latin1.txt: not valid UTF-8", e.getMessage());
    assertEquals(0, generations(tmp.resolve("index")));
  }

  @Test
  void aGenerationWrittenWithAllItsTextsInOneFileStillShowsPassagesInPlace() throws Exception {
    IndexStore store = new IndexStore(tmp);
    GenerationInfo info = store.build(seed, config);
    Path gen = tmp.resolve(info.name());
    Files.delete(gen.resolve(SourceTexts.TEXTS));
    Files.delete(gen.resolve(SourceTexts.OFFSETS));
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
    seed.documents().forEach(d -> all.put(d.id(), d.text()));
    new com.fasterxml.jackson.databind.ObjectMapper().writeValue(gen.resolve(IndexStore.SOURCES_FILE).toFile(), all);
    try (OpenIndex open = store.openCurrent(config)) {
      assertEquals(seed.documents().get(2).text(), open.sourceText(seed.documents().get(2).id()));
    }
  }
}
