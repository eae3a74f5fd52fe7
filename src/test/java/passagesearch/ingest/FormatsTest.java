package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

/** Markdown, HTML and JSON Lines corpora, read through the same pipeline as plain text. */
class FormatsTest {
  @TempDir Path dir;

  static final String MARKDOWN = """
      ---
      title: Living with CML
      publisher: Example Charity
      updated: 2024-06-01
      ---
      # Living with CML

      ## Taking imatinib

      Imatinib is taken as a tablet once a day with food and a large glass of water, at about the same time.

      Common side effects include:

      - feeling sick
      - muscle cramps
      - tiredness

      ## Check-ups

      You have regular blood tests so your team can see how well the treatment is working for you.
      """;

  static final String HTML = """
      <!doctype html><html><head><title>Stem cell transplant</title>
      <meta name="author" content="A. Writer"><meta property="og:site_name" content="Example Hospital">
      <meta property="article:modified_time" content="2025-02-03T10:00:00Z">
      <link rel="canonical" href="https://hospital.example/transplant">
      <script>alert('x')</script><style>p{color:red}</style></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <h1>Stem cell transplant</h1>
      <p>A stem cell transplant replaces damaged blood stem cells with healthy ones from a donor.</p>
      <h2>Before the transplant</h2>
      <p>You have high-dose chemotherapy, sometimes with radiotherapy, to prepare the bone marrow:</p>
      <ul><li>conditioning treatment</li><li>a central line</li></ul>
      <footer>Call us on 0800 000 000. Share this page.</footer>
      <button onclick="alert(1)">Sign up</button></body></html>
      """;

  List<Passage> passages(SourceDocument d) {
    return new Ingest(TestSupport.loadConfig()).passages(d);
  }

  @Test
  void markdownHeadingsListsAndFrontMatterKeepOffsetsIntoTheFile() throws Exception {
    TestSupport.write(dir.resolve("cml.md"), MARKDOWN);
    Corpus c = new CorpusReader().read(dir);
    SourceDocument d = c.documents().get(0);
    assertEquals("Living with CML", d.metadata().title());
    assertEquals("Example Charity", d.metadata().publisher());
    assertEquals("2024-06-01", d.metadata().updated());
    List<Passage> ps = passages(d);
    String file = Files.readString(dir.resolve("cml.md"));
    Passage imatinib = ps.stream().filter(p -> p.text().contains("Imatinib is taken")).findFirst().orElseThrow();
    assertEquals(List.of("Taking imatinib"), imatinib.headings());
    assertTrue(imatinib.text().contains("- muscle cramps"), "the list stays with its introduction");
    for (Passage p : ps) {
      assertEquals(p.text(), Text.normalise(file.substring(p.start(), p.end())), p.id());
      assertFalse(p.text().contains("publisher:"), "front matter is not content");
    }
    assertTrue(imatinib.tags().contains("imatinib"));
  }

  @Test
  void htmlStructureComesFromTheMarkupAndScriptsNavigationAndFootersAreDropped() {
    TestSupport.write(dir.resolve("transplant.html"), HTML);
    SourceDocument d = new CorpusReader().read(dir).documents().get(0);
    assertEquals("Stem cell transplant", d.metadata().title());
    assertEquals("Example Hospital", d.metadata().publisher());
    assertEquals("A. Writer", d.metadata().author());
    assertEquals("https://hospital.example/transplant", d.metadata().url());
    assertEquals("2025-02-03", d.metadata().updated());
    String all = String.join("\n", passages(d).stream().map(Passage::text).toList());
    for (String gone : List.of("alert", "color:red", "Home", "News", "0800", "Share this page", "Sign up")) {
      assertFalse(all.contains(gone), gone);
    }
    Passage before = passages(d).stream().filter(p -> p.text().contains("high-dose")).findFirst().orElseThrow();
    assertEquals(List.of("Before the transplant"), before.headings());
    assertTrue(before.text().contains("• conditioning treatment"), before.text());
  }

  @Test
  void jsonLinesGiveOneDocumentALineAndReportBadLinesWithTheirNumbers() {
    TestSupport.write(dir.resolve("docs.jsonl"), String.join("\n",
        "{\"_id\": \"a1\", \"title\": \"Imatinib\", \"text\": \"Imatinib is a tyrosine kinase inhibitor.\", \"url\": \"https://x.example/a1\", \"metadata\": {\"publisher\": \"X\", \"updated\": \"2023-01-02\"}}",
        "{not json",
        "{\"_id\": \"a2\", \"text\": \"\"}",
        "{\"title\": \"no id\", \"text\": \"words\"}",
        "{\"_id\": 7, \"text\": \"Dasatinib is another tyrosine kinase inhibitor.\"}"));
    Corpus c = new CorpusReader().read(dir);
    assertEquals(List.of("a1", "7"), c.documents().stream().map(SourceDocument::id).toList());
    DocumentMetadata a1 = c.documents().get(0).metadata();
    assertEquals("Imatinib", a1.title());
    assertEquals("https://x.example/a1", a1.url());
    assertEquals("X", a1.publisher());
    assertEquals("2023-01-02", a1.updated());
    assertNull(c.documents().get(1).metadata().publisher());
    assertEquals(3, c.skipped().size(), c.skipped().toString());
    assertTrue(c.skipped().get(0).startsWith("docs.jsonl line 2: not valid JSON"), c.skipped().get(0));
    assertTrue(c.skipped().get(1).startsWith("docs.jsonl line 3: the document is empty"), c.skipped().get(1));
    assertTrue(c.skipped().get(2).startsWith("docs.jsonl line 4: needs an \"_id\""), c.skipped().get(2));
  }

  @Test
  void unreadableFilesAreSkippedWithTheirNameAndReasonAndStrictMakesThatAFailure() throws Exception {
    TestSupport.write(dir.resolve("good.txt"), "Good page\n\nImatinib is a tablet taken every day.\n");
    Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    TestSupport.write(dir.resolve("notes.docx"), "binary");
    TestSupport.write(dir.resolve("empty.md"), "   \n");
    Corpus c = new CorpusReader().read(dir);
    assertEquals(1, c.documents().size());
    assertEquals(3, c.skipped().size(), c.skipped().toString());
    assertTrue(c.skipped().stream().anyMatch(s -> s.startsWith("latin1.txt: not valid UTF-8")), c.skipped().toString());
    assertTrue(c.skipped().stream().anyMatch(s -> s.startsWith("notes.docx: not a known document format")));
    assertTrue(c.skipped().stream().anyMatch(s -> s.startsWith("empty.md: the document is empty")));
    // --strict fails on the first bad file, in name order.
    CorpusException strict = assertThrows(CorpusException.class, () -> new CorpusReader(true).read(dir));
    assertEquals("--strict: empty.md: the document is empty", strict.getMessage());
    Files.delete(dir.resolve("empty.md"));
    strict = assertThrows(CorpusException.class, () -> new CorpusReader(true).read(dir));
    assertEquals("--strict: latin1.txt: not valid UTF-8", strict.getMessage());
  }

  @Test
  void aCorpusOfMarkdownHtmlAndJsonLinesIsIndexedAndSearchable() {
    Path corpus = dir.resolve("mixed");
    TestSupport.write(corpus.resolve("cml.md"), MARKDOWN);
    TestSupport.write(corpus.resolve("transplant.html"), HTML);
    TestSupport.write(corpus.resolve("more.jsonl"),
        "{\"_id\": \"j1\", \"title\": \"Dasatinib\", \"text\": \"Dasatinib (Sprycel) is a tyrosine kinase inhibitor taken by mouth.\"}");
    try (passagesearch.search.SearchService s = TestSupport.searchService(corpus, dir.resolve("index"))) {
      assertEquals(3, s.status().documents());
      assertEquals("cml", s.search(passagesearch.search.SearchRequest.of("imatinib tablet")).hits().get(0).source().id());
      assertEquals("transplant", s.search(passagesearch.search.SearchRequest.of("conditioning")).hits().get(0).source().id());
      assertEquals("j1", s.search(passagesearch.search.SearchRequest.of("Sprycel")).hits().get(0).source().id());
    }
  }

  @Test
  void theSciFactCorpusIndexesThroughTheSamePipelineWhenItIsPresent() throws Exception {
    Path scifact = TestSupport.root().resolve("../shared/data/scifact/corpus.jsonl").normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(scifact), "../shared/data/scifact is not here");
    Path corpus = dir.resolve("scifact");
    Files.createDirectories(corpus);
    Files.copy(scifact, corpus.resolve("corpus.jsonl"));
    Corpus read = new CorpusReader(true).read(corpus);
    assertEquals(5183, read.documents().size());
    // By words alone: embedding 5,183 abstracts is eval's and the benchmark's work, not a unit test's.
    try (passagesearch.search.SearchService s = TestSupport.lexicalSearch(corpus, dir.resolve("sci-index"))) {
      assertEquals(5183, s.status().documents());
      assertTrue(s.status().passages() > 5183);
      assertFalse(s.search(passagesearch.search.SearchRequest.of("microstructural development white matter")).hits().isEmpty());
    }
  }
}
