package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

class CorpusReaderTest {
  private static Corpus real;
  private static Map<String, DocumentMetadata> byId;

  @TempDir Path dir;

  @BeforeAll
  static void readRealCorpus() {
    real = new CorpusReader().read(TestSupport.corpus());
    byId = real.documents().stream()
        .map(SourceDocument::metadata)
        .collect(Collectors.toMap(DocumentMetadata::id, Function.identity()));
  }

  private static String manifest(String... entries) {
    return "{\"documents\": [" + String.join(",", entries) + "]}";
  }

  private static String entry(String id, String file, String updated) {
    return "{\"id\": \"" + id + "\", \"file\": \"" + file + "\", \"title\": \"T\", \"updated\": \"" + updated + "\"}";
  }

  // ---- the real corpus ----

  @Test
  void realCorpusHasFiveDocumentsInFileNameOrderAndNoWarnings() {
    assertEquals(
        List.of(
            "canadian-cancer-society-all-treatments",
            "cancerfax-leukemia-treatment-options",
            "knowall-all-treatment",
            "macmillan-all-treatment",
            "reviewed-summary-all-treatment"),
        real.documents().stream().map(SourceDocument::id).toList());
    assertEquals(List.of(), real.warnings());
  }

  @Test
  void macmillanReviewDatesComeFromTheManifest() {
    DocumentMetadata m = byId.get("macmillan-all-treatment");
    assertEquals("Macmillan Cancer Support", m.publisher());
    assertEquals("2022-03-01", m.reviewed());
    assertEquals("2025-03-01", m.nextReview());
    assertNull(m.updated());
  }

  @Test
  void knowAllUpdatedDateComesFromTheManifest() {
    DocumentMetadata m = byId.get("knowall-all-treatment");
    assertEquals("2025-03-20", m.updated());
    assertEquals("Treatment", m.title());
    assertEquals("knowall-all-treatment.txt", m.file());
  }

  @Test
  void summaryHasNoPublisher() {
    DocumentMetadata m = byId.get("reviewed-summary-all-treatment");
    assertNull(m.publisher());
    assertEquals("Short answer · Medically reviewed summary", m.title());
  }

  @Test
  void noDocumentHasAUrl() {
    real.documents().forEach(d -> assertNull(d.metadata().url(), d.id()));
  }

  @Test
  void documentTextIsTheFileUnchanged() throws IOException {
    Path file = TestSupport.corpus().resolve("macmillan-all-treatment.txt");
    SourceDocument d =
        real.documents().stream().filter(x -> x.id().equals("macmillan-all-treatment")).findFirst().orElseThrow();
    assertEquals(Files.readString(file), d.text());
  }

  @Test
  void fingerprintIsSixteenHexDigits() {
    assertTrue(real.fingerprint().matches("[0-9a-f]{16}"), real.fingerprint());
  }

  // ---- folders made for the test ----

  @Test
  void fileWithoutManifestEntryLoadsWithDerivedMetadataAndAWarning() throws IOException {
    Files.writeString(dir.resolve("Leukemia notes.txt"), "\n\n  Notes on treatment  \n\nRest when you can.\n");
    Corpus corpus = new CorpusReader().read(dir);
    assertEquals(1, corpus.documents().size());
    DocumentMetadata m = corpus.documents().get(0).metadata();
    assertEquals("Leukemia-notes", m.id());
    assertEquals("Notes on treatment", m.title());
    assertEquals("Leukemia notes.txt", m.file());
    assertNull(m.publisher());
    assertEquals(1, corpus.warnings().size());
    assertTrue(corpus.warnings().get(0).startsWith("Leukemia notes.txt: no manifest entry"), corpus.warnings().get(0));
  }

  @Test
  void unknownExtensionIsSkippedAndReported() throws IOException {
    Files.writeString(dir.resolve("page.rtf"), "{\\rtf1 Rest when you can.}");
    Files.writeString(dir.resolve("a.txt"), "Rest when you can.");
    Corpus corpus = new CorpusReader().read(dir);
    assertEquals(List.of("a"), corpus.documents().stream().map(SourceDocument::id).toList());
    assertTrue(corpus.skipped().stream().anyMatch(w -> w.startsWith("page.rtf: not a known document format")),
        corpus.skipped().toString());
  }

  @Test
  void manifestEntryWithoutFileGivesAWarning() throws IOException {
    Files.writeString(dir.resolve(CorpusReader.MANIFEST), manifest(entry("gone", "gone.txt", "2025-01-01")));
    Corpus corpus = new CorpusReader().read(dir);
    assertEquals(List.of(), corpus.documents());
    assertEquals(List.of("manifest.json: entry for 'gone.txt' has no file"), corpus.warnings());
  }

  @Test
  void manifestMetadataIsUsedForAListedFile() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "First line\nRest when you can.");
    Files.writeString(dir.resolve(CorpusReader.MANIFEST), manifest(entry("doc-a", "a.txt", "2025-01-31")));
    Corpus corpus = new CorpusReader().read(dir);
    DocumentMetadata m = corpus.documents().get(0).metadata();
    assertEquals("doc-a", m.id());
    assertEquals("T", m.title());
    assertEquals("2025-01-31", m.updated());
    assertEquals(List.of(), corpus.warnings());
  }

  @Test
  void invalidUtf8IsSkippedNamingTheFileAndFailsWhenStrict() throws IOException {
    Files.write(dir.resolve("broken.txt"), new byte[] {'A', 'L', 'L', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    Corpus corpus = new CorpusReader().read(dir);
    assertEquals(List.of(), corpus.documents());
    assertEquals(List.of("broken.txt: not valid UTF-8"), corpus.skipped());
    CorpusException e = assertThrows(CorpusException.class, () -> new CorpusReader(true).read(dir));
    assertTrue(e.getMessage().contains("broken.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void badManifestDateFailsNamingTheEntry() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "Rest.");
    Files.writeString(dir.resolve("b.txt"), "Rest.");
    Files.writeString(
        dir.resolve(CorpusReader.MANIFEST),
        manifest(entry("a", "a.txt", "2025-01-01"), entry("b", "b.txt", "2025-13-01")));
    CorpusException e = assertThrows(CorpusException.class, () -> new CorpusReader().read(dir));
    assertTrue(e.getMessage().contains("documents[1]"), e.getMessage());
    assertTrue(e.getMessage().contains("2025-13-01"), e.getMessage());
  }

  @Test
  void twoManifestEntriesForOneFileFail() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "Rest.");
    Files.writeString(
        dir.resolve(CorpusReader.MANIFEST),
        manifest(entry("a", "a.txt", "2025-01-01"), entry("a2", "a.txt", "2025-01-01")));
    CorpusException e = assertThrows(CorpusException.class, () -> new CorpusReader().read(dir));
    assertTrue(e.getMessage().contains("'a.txt' is listed twice"), e.getMessage());
  }

  @Test
  void unknownManifestKeyFails() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "Rest.");
    Files.writeString(
        dir.resolve(CorpusReader.MANIFEST),
        "{\"documents\": [{\"id\": \"a\", \"file\": \"a.txt\", \"autor\": \"X\"}]}");
    CorpusException e = assertThrows(CorpusException.class, () -> new CorpusReader().read(dir));
    assertEquals("manifest.json: unknown key 'documents[0].autor' (known here: author, file, id, nextReview, publisher, "
        + "receivedAs, reviewed, title, updated, url)", e.getMessage());
  }

  @Test
  void fingerprintChangesWhenAFileChanges() throws IOException {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "Rest when you can.");
    String before = new CorpusReader().read(dir).fingerprint();
    assertEquals(before, new CorpusReader().read(dir).fingerprint());
    Files.writeString(file, "Rest when you can!");
    assertNotEquals(before, new CorpusReader().read(dir).fingerprint());
  }
}
