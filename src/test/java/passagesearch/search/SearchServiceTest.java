package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

/** Search over a real index of the seed corpus. */
class SearchServiceTest {
  @TempDir static Path tmp;
  static SearchService search;

  @BeforeAll
  static void build() {
    search = TestSupport.seedSearch(tmp.resolve("index"));
  }

  @AfterAll
  static void close() {
    search.close();
  }

  static SearchResponse find(String q, List<String> tags) {
    return search.search(new SearchRequest(q, 50, 0, tags, List.of(), false));
  }

  @Test
  void offsetsPointAtTheSourceTextTheHitQuotes() throws Exception {
    for (SearchHit hit : find("leukaemia treatment chemotherapy", List.of()).hits()) {
      Path file = TestSupport.corpus().resolve(hit.source().id() + ".txt");
      String source = Files.readString(file);
      String quoted = source.substring(hit.offsets().start(), hit.offsets().end());
      assertEquals(hit.text(), passagesearch.ingest.Text.normalise(quoted), hit.id());
    }
  }

  @Test
  void acronymsAreCaseSensitive() {
    // "Induction treatments for acute lymphoblastic leukemia (ALL) include ..." has ALL only as the acronym.
    String acronymOnly = "canadian-cancer-society-all-treatments/8";
    assertTrue(find("ALL", List.of()).hits().stream().anyMatch(h -> h.id().equals(acronymOnly)));
    assertFalse(find("all", List.of()).hits().stream().anyMatch(h -> h.id().equals(acronymOnly)));
    assertTrue(find("all", List.of()).hits().stream().allMatch(h -> h.text().matches("(?s).*\\ball\\b.*")));
  }

  @Test
  void aCitationNumberGluedToAHeadingDoesNotHideIt() {
    SearchResponse r = find("side effects", List.of());
    assertTrue(r.hits().stream().anyMatch(h -> h.id().equals("knowall-all-treatment/18")));
  }

  @Test
  void everyRequestedTagIsOnEveryHit() {
    SearchResponse r = find("treatment", List.of("all", "maintenance"));
    assertTrue(r.total() > 0);
    r.hits().forEach(h -> assertTrue(h.tags().containsAll(List.of("all", "maintenance")), h.id()));
    assertEquals(r.total(), r.facets().get("tags").get("maintenance").longValue());
  }

  @Test
  void aQueryWithOnlyStopWordsMatchesNothingAndSaysSo() {
    SearchResponse r = find("the and of", List.of());
    assertEquals(0, r.total());
    assertTrue(r.hits().isEmpty());
  }

  @Test
  void invalidRequestsNameTheParameter() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> search.search(new SearchRequest("x", 0, 0, List.of(), List.of(), false)));
    assertEquals("limit", e.parameter());
    assertEquals("tag", assertThrows(InvalidRequestException.class, () -> find("x", List.of("nope"))).parameter());
  }

  @Test
  void markupInTheCorpusComesBackEscapedInSnippets(@TempDir Path dir) {
    Path corpus = dir.resolve("corpus");
    TestSupport.write(corpus.resolve("hostile.txt"), "Hostile page\n\nImatinib <script>alert(1)</script> and "
        + "<img src=x onerror=alert(2)> are written here as text, with enough other words to make a passage.\n");
    try (SearchService hostile = TestSupport.searchService(corpus, dir.resolve("index"))) {
      SearchHit hit = hostile.search(SearchRequest.of("imatinib alert")).hits().get(0);
      assertTrue(hit.text().contains("<script>alert(1)</script>"), "text is the source's words, plain");
      String snippet = hit.snippet();
      assertFalse(snippet.contains("<script") || snippet.contains("<img"), snippet);
      assertTrue(snippet.contains("&lt;script&gt;"), snippet);
      assertTrue(snippet.contains("<mark>Imatinib</mark>"), snippet);
    }
  }
}
