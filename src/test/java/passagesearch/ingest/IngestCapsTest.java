package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.IngestLimits;

/** The hard caps of issue 13: passages and headings, files and records, ids, reasons; each skips, never fails all. */
class IngestCapsTest {
  @TempDir Path dir;

  final Ingest ingest = new Ingest(TestSupport.loadConfig());

  /** {@code n} words of varying length and no sentence end. */
  static String wordsWithoutEnd(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(i % 7 == 0 ? "leukaemia" : "cell").append(i).append(' ');
    }
    return s.toString().strip();
  }

  static SourceDocument document(String id, String text) {
    return new SourceDocument(new DocumentMetadata(id, id + ".md", "T", null, null, null, null, null, null), text);
  }

  @Test
  void aParagraphWithNoSentenceEndIsSplitAtWordsIntoPassagesOfAtMost8000CharactersOfTheExactSource() {
    String paragraph = wordsWithoutEnd(20_000); // 20,000 words, 150,000 characters, one line
    String text = "# Notes\n\n" + paragraph + "\n";
    List<String> warnings = new ArrayList<>();
    List<Passage> passages = ingest.passages(document("long", text), warnings::add);
    assertTrue(passages.size() >= paragraph.length() / 8_000, "pieces: " + passages.size());
    StringBuilder joined = new StringBuilder();
    for (Passage p : passages) {
      assertTrue(p.end() - p.start() <= 8_000, p.id() + " spans " + (p.end() - p.start()));
      assertEquals(Text.normalise(text.substring(p.start(), p.end())), p.text(), p.id());
      assertFalse(p.text().startsWith(" ") || p.text().endsWith(" "), p.id());
      joined.append(joined.isEmpty() ? "" : " ").append(p.text());
    }
    assertEquals(paragraph, joined.toString(), "every word kept once, none cut inside");
    assertEquals(List.of("long.md (long): 1 sentence(s) or item(s) longer than 8,000 characters, split at word "
        + "boundaries (passage.maxChars)"), warnings);
  }

  @Test
  void aRunWithNoSpaceAtAllIsCutAtTheCapWithoutSplittingASurrogatePair() {
    String run = "\uD83E\uDE78".repeat(6_000); // 12,000 chars of one emoji (a surrogate pair each)
    List<Passage> passages = ingest.passages(document("emoji", "Blood drop\n\n" + run + "\n"), w -> { });
    int covered = 0;
    for (Passage p : passages) {
      assertTrue(p.end() - p.start() <= 8_000);
      assertFalse(Character.isLowSurrogate(p.text().charAt(0)), "a passage starts inside a pair");
      covered += p.text().length();
    }
    assertEquals(12_000, covered);
  }

  @Test
  void anExplicitHeadingOver200CharactersIsCutAtAWordAndReportedAndThePassageTextIsUntouched() {
    String longHeading = wordsWithoutEnd(3_000); // about 22 KB
    String body = "Imatinib is a tablet taken once a day with food and a large glass of water.";
    String text = "# " + longHeading + "\n\n" + body + "\n";
    List<String> warnings = new ArrayList<>();
    List<Passage> passages = ingest.passages(document("heading", text), warnings::add);
    assertEquals(1, passages.size());
    Passage p = passages.get(0);
    assertEquals(body, p.text());
    String section = p.section();
    assertTrue(section.length() <= 200, section.length() + "");
    assertTrue(section.endsWith("…"), section);
    assertTrue(longHeading.startsWith(section.substring(0, section.length() - 1)), "cut at a word: " + section);
    assertTrue(longHeading.charAt(section.length() - 1) == ' ', "cut where a word ends: " + section);
    assertEquals(List.of("heading.md (heading): 1 heading(s) longer than 200 characters, cut at a word "
        + "(heading.hardMaxChars)"), warnings);
  }

  @Test
  void filesAndRecordsOverTheLimitsAreSkippedWithReasonsAndTheRestIsRead() throws Exception {
    IngestLimits small = new IngestLimits(2_000, 100, 20);
    TestSupport.write(dir.resolve("a-good.txt"), "Good page\n\nImatinib is a tablet taken every day.\n");
    TestSupport.write(dir.resolve("big.md"), "# Big\n\n" + "word ".repeat(1_000));
    TestSupport.write(dir.resolve("many.html"), "<html><body>" + "<p>x</p>".repeat(101) + "</body></html>");
    TestSupport.write(dir.resolve("records.jsonl"), String.join("\n",
        "{\"_id\": \"r1\", \"text\": \"Dasatinib is taken by mouth.\"}",
        "{\"_id\": \"r2\", \"text\": \"" + "long ".repeat(1_000) + "\"}",
        "{\"_id\": \"r3\", \"text\": \"Nilotinib is taken twice a day.\"}"));
    Corpus c = new CorpusReader(small, false).read(dir);
    assertEquals(List.of("a-good", "r1", "r3"), c.documents().stream().map(SourceDocument::id).toList());
    assertEquals(List.of(
        "big.md: 5,007 bytes, more than the 2,000 a document may have (limits.maxDocumentBytes)",
        "many.html: 103 HTML elements, more than the 100 a page may have (limits.maxHtmlElements)",
        "records.jsonl line 2: a record of 5,025 bytes, more than the 2,000 one may have (limits.maxDocumentBytes)"),
        c.skipped());
  }

  @Test
  void skipReasonsAreCappedAndCountedAndAFileOfOnlyBadLinesSaysWhy() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lines.add("{\"title\": \"no id " + i + "\"}");
    }
    TestSupport.write(dir.resolve("bad.jsonl"), String.join("\n", lines));
    List<String> dup = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      dup.add("{\"_id\": \"same\", \"text\": \"Imatinib is a tablet, copy " + i + ".\"}");
    }
    TestSupport.write(dir.resolve("dup.jsonl"), String.join("\n", dup));
    Corpus c = new CorpusReader().read(dir);
    assertEquals(1, c.documents().size());
    assertEquals(50 + 99, c.skippedTotal());
    List<String> skipped = c.skipped();
    assertEquals("bad.jsonl line 1: needs an \"_id\"", skipped.get(0));
    assertEquals("bad.jsonl line 5: needs an \"_id\"", skipped.get(4));
    assertEquals("dup.jsonl line 2: document id 'same' is already used by dup.jsonl line 1", skipped.get(5));
    assertEquals("... and 84 more (the first 20 are shown)", skipped.get(20));
    assertEquals(List.of(
        "bad.jsonl: 45 more bad lines were skipped after the first 5",
        "bad.jsonl: none of its 50 records is a document (the first: needs an \"_id\")"),
        skipped.subList(21, skipped.size()));
  }

  @Test
  void aByteOrderMarkIsRemovedSoTheHeadingAndTheFirstRecordReadAndOffsetsCountFromAfterIt() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String md = "# Imatinib\n\nImatinib is a tablet taken once a day with food and a large glass of water.\n";
    Files.write(dir.resolve("a.md"), concat(bom, md.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Files.write(dir.resolve("b.jsonl"), concat(bom,
        "{\"_id\": \"b1\", \"text\": \"Dasatinib is taken by mouth.\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Corpus c = new CorpusReader().read(dir);
    assertEquals(List.of(), c.skipped());
    assertEquals(List.of("a", "b1"), c.documents().stream().map(SourceDocument::id).toList());
    SourceDocument a = c.documents().get(0);
    assertEquals(md, a.text());
    Passage p = ingest.passages(a).get(0);
    assertEquals(List.of("Imatinib"), p.headings());
    assertEquals(md.indexOf("Imatinib is"), p.start());
    assertEquals(p.text(), Text.normalise(a.text().substring(p.start(), p.end())));
  }

  @Test
  void idsThatCannotBeServedAreRefusedWithAReasonAndOthersMadeSafeWithAWarning() {
    TestSupport.write(dir.resolve("ids.jsonl"), String.join("\n",
        "{\"_id\": \".\", \"text\": \"Imatinib is a tablet.\"}",
        "{\"_id\": \"..\", \"text\": \"Imatinib is a tablet.\"}",
        "{\"_id\": \"" + "x".repeat(294) + "\", \"text\": \"Imatinib is a tablet.\"}",
        "{\"_id\": \"" + "y".repeat(293) + "\", \"text\": \"Imatinib is a tablet.\"}",
        "{\"_id\": \"a/b c\", \"text\": \"Imatinib is a tablet.\"}"));
    Corpus c = new CorpusReader().read(dir);
    assertEquals(List.of("y".repeat(293), "a-b-c"), c.documents().stream().map(SourceDocument::id).toList());
    assertEquals(List.of(
        "ids.jsonl line 1: its id '.' would give URLs no browser can open",
        "ids.jsonl line 2: its id '..' would give URLs no browser can open",
        "ids.jsonl line 3: its id has 294 characters, more than the 293 a document id may have (its passages' ids, "
            + "id/number, must stay within the 300 the HTTP routes take)"), c.skipped());
    assertEquals(List.of("ids.jsonl line 5: id 'a/b c' is indexed as 'a-b-c'"), c.warnings());
  }

  @Test
  void theCapsAndLimitsAreSettingsOfPassagesYamlAndABadOneIsRefusedNamingIt() throws Exception {
    Path config = dir.resolve("config");
    TestSupport.copyFiles(TestSupport.config(), config);
    String yaml = Files.readString(config.resolve("passages.yaml"));
    Files.writeString(config.resolve("passages.yaml"), yaml.replace("maxChars: 8000", "maxChars: 300")
        .replace("maxDocumentBytes: 4000000", "maxDocumentBytes: 5000"));
    passagesearch.config.IndexConfig loaded = new passagesearch.config.ConfigLoader().load(config);
    assertEquals(300, loaded.split().passageMaxChars());
    assertEquals(new IngestLimits(5_000, 50_000, 20), loaded.limits());
    Files.writeString(config.resolve("passages.yaml"), yaml.replace("hardMaxChars: 200", "hardMaxChars: 9000"));
    passagesearch.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
        passagesearch.config.ConfigException.class, () -> new passagesearch.config.ConfigLoader().load(config));
    assertEquals("passages.yaml: heading.hardMaxChars must be at least heading.maxChars and at most 8000", e.getMessage());
  }

  @Test
  void aListItemLongerThanThePassageCapIsSplitToo() {
    PassageSplitter splitter = new PassageSplitter(
        passagesearch.config.SplitSettings.defaults().withCaps(150, 300), passagesearch.config.BoilerplateRules.none());
    String text = "Side effects\n\n• " + wordsWithoutEnd(200) + "\n";
    PassageSplitter.Split split = splitter.splitCounting(text);
    assertEquals(1, split.paragraphsCut());
    int words = 0;
    for (PassageSplitter.Draft d : split.drafts()) {
      assertTrue(d.end() - d.start() <= 300, d.toString());
      words += Text.words(text.substring(d.start(), d.end()));
    }
    assertEquals(200, words, "every word, once");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
