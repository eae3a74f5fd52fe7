package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers a patient can trust (issue 16), as a reader sees them over HTTP: a real server over a real index of
 * the seed corpus, searched by words and meaning.
 */
class TrustedAnswersTest {
  @TempDir static Path indexDir;
  @TempDir static Path lexicalIndexDir;
  static LiveServer live;
  /** The same corpus answered by words alone, as every server answers while its model loads. */
  static LiveServer byWords;

  @BeforeAll
  static void start() {
    live = new LiveServer(indexDir);
    byWords = LiveServer.lexical(lexicalIndexDir);
  }

  @AfterAll
  static void stop() {
    live.close();
    byWords.close();
  }

  static JsonNode search(String query, String... more) throws Exception {
    return search(live, query, more);
  }

  static JsonNode search(LiveServer server, String query, String... more) throws Exception {
    StringBuilder url = new StringBuilder("/api/search?q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
    for (String m : more) {
      url.append('&').append(m);
    }
    HttpResponse<String> r = server.get(url.toString());
    assertEquals(200, r.statusCode(), r.body());
    return server.json(r.body());
  }

  static List<String> texts(JsonNode response) {
    List<String> texts = new ArrayList<>();
    response.get("hits").forEach(h -> texts.add(h.get("text").asText()));
    return texts;
  }

  /**
   * Each query names the side-effects tag, so passages whose words earn it match without the query's words:
   * every hit on the first page shows, marked, the words it was found by.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cytokine release syndrome", "hair loss"})
  void everyHitOfTheFirstPageShowsWhatItWasFoundBy(String query) throws Exception {
    JsonNode r = search(query, "limit=10");
    assertTrue(r.get("hits").size() >= 5, r.toString());
    for (JsonNode hit : r.get("hits")) {
      assertTrue(hit.get("snippet").asText().contains("<mark>"),
          "hit " + hit.get("rank") + " " + hit.get("id") + ": " + hit.get("snippet").asText());
    }
    String top = r.at("/hits/0/snippet").asText();
    assertTrue(top.contains("<mark>") && top.toLowerCase(java.util.Locale.ROOT).contains(query.split(" ")[0]), top);
  }

  @Test
  void aPassageFoundByItsTagAloneShowsTheSentenceWithTheWordsThatEarnedIt() throws Exception {
    JsonNode blinatumomab = null;
    for (JsonNode hit : search("cytokine release syndrome", "limit=10").get("hits")) {
      if (hit.get("text").asText().startsWith("Blinatumomab is a special antibody")) {
        blinatumomab = hit;
      }
    }
    // Found by side effects: its sentence on side effects, not its opening on what the drug is.
    assertTrue(blinatumomab != null, "the Blinatumomab passage is on the first page");
    assertEquals("Treatment usually occurs in a hospital or clinic because it is a relatively new therapy and it is "
        + "important to document the <mark>side effects</mark>.", blinatumomab.get("snippet").asText());
  }

  @Test
  void maintenanceWithinAllFindsHowLongMaintenanceLastsOnAPageAboutAll() throws Exception {
    JsonNode r = search("maintenance", "tag=all", "limit=10", "explain=true");
    JsonNode lasting = null;
    for (JsonNode hit : r.get("hits")) {
      if (hit.get("text").asText().contains("Maintenance is a less intense treatment phase that can last up to 2 years")) {
        lasting = hit;
      }
    }
    assertTrue(lasting != null, "the passage on how long maintenance lasts: " + texts(r));
    // The page says "leukemia" there; the tag is its page's, and explain says so.
    assertTrue(lasting.get("explanation").toString().contains(
        "tag all: the document is about it: 10 of its 18 passages carry the tag, and this passage names no disease"),
        lasting.get("explanation").toString());
  }

  /** The hit's words as a reader reads them: its document's title, its headings and text, one spelling, one case. */
  static String read(JsonNode hit) {
    StringBuilder out = new StringBuilder(hit.at("/source/title").asText()).append('\n');
    hit.get("headings").forEach(h -> out.append(h.asText()).append('\n'));
    out.append(hit.get("text").asText());
    return out.toString().toLowerCase(java.util.Locale.ROOT).replace("leukaemia", "leukemia").replaceAll("\\s+", " ");
  }

  @Test
  void aQuotedPhraseFindsOnlyPassagesThatSayIt() throws Exception {
    JsonNode r = search("\"minimal residual disease\"", "limit=50");
    assertTrue(r.get("hits").size() >= 2, r.toString());
    for (JsonNode hit : r.get("hits")) {
      // Not "remission", not "MRD" alone: the phrase itself.
      assertTrue(read(hit).contains("minimal residual disease"), hit.get("id") + ": " + hit.get("text").asText());
      assertTrue(hit.get("snippet").asText().toLowerCase(java.util.Locale.ROOT).contains("<mark>minimal residual disease</mark>"),
          hit.get("snippet").asText());
    }
    assertEquals(r.get("hits").size(), r.get("total").asInt());
  }

  @Test
  void aQuotedPhraseFindsItsSpellingVariantsButNotItsSynonyms() throws Exception {
    JsonNode british = search("\"acute lymphoblastic leukaemia\"", "limit=50");
    JsonNode american = search("\"acute lymphoblastic leukemia\"", "limit=50");
    assertEquals(texts(american), texts(british));
    assertTrue(texts(british).stream().anyMatch(t -> t.contains("acute lymphoblastic leukemia")), texts(british).toString());
    for (JsonNode hit : british.get("hits")) {
      // "ALL" and "acute lymphocytic leukemia" are synonyms, not the phrase.
      assertTrue(read(hit).contains("acute lymphoblastic leukemia"), hit.get("id") + ": " + hit.get("text").asText());
    }
  }

  /**
   * Whether a hit, as a reader sees it, only restates its section heading: fewer than 25 words that hold every
   * word of four letters or more of the heading.
   */
  static boolean restatesItsHeading(JsonNode hit) {
    String text = hit.get("text").asText().toLowerCase(java.util.Locale.ROOT);
    String section = hit.get("section").asText("").toLowerCase(java.util.Locale.ROOT);
    List<String> headingWords = java.util.Arrays.stream(section.split("[^\\p{L}]+")).filter(w -> w.length() >= 4).toList();
    return text.split("\\s+").length < 25 && headingWords.size() >= 3
        && headingWords.stream().allMatch(w -> text.contains(w.replaceAll("s$", "")));
  }

  @Test
  void howLongIsInductionIsAnsweredFirstAndTheSectionSummaryComesAfterTheAnswers() throws Exception {
    JsonNode r = search("how long is induction", "limit=20");
    assertTrue(r.at("/hits/0/text").asText().startsWith("May last 1 or 2 months."), texts(r).toString());
    int summary = -1;
    for (int i = 0; i < r.get("hits").size(); i++) {
      if (r.get("hits").get(i).get("text").asText().startsWith("Induction treatments for acute lymphoblastic leukemia")) {
        summary = i;
      }
    }
    assertTrue(summary >= 3, "the one-line summary 'Induction treatments ... include ...' at " + (summary + 1) + ": "
        + texts(r));
    for (int i = 0; i < summary; i++) {
      assertFalse(restatesItsHeading(r.get("hits").get(i)), r.get("hits").get(i).get("text").asText());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"leukaemia", "do I need a transplant", "how long is induction"})
  void noTopHitOnlyRestatesItsHeading(String query) throws Exception {
    // By words alone the induction summary is third, below the answer and another page's (the next test).
    for (LiveServer server : query.startsWith("how long") ? List.of(live) : List.of(live, byWords)) {
      JsonNode r = search(server, query, "limit=3");
      assertEquals(3, r.get("hits").size(), r.toString());
      for (JsonNode hit : r.get("hits")) {
        assertFalse(restatesItsHeading(hit), (server == live ? "" : "by words alone: ") + "rank " + hit.get("rank")
            + ", under '" + hit.get("section").asText() + "': " + hit.get("text").asText());
      }
    }
  }

  @Test
  void byWordsAloneTooHowLongIsInductionIsAnsweredFirst() throws Exception {
    JsonNode r = search(byWords, "how long is induction", "limit=5");
    assertTrue(r.at("/hits/0/text").asText().startsWith("May last 1 or 2 months."), texts(r).toString());
  }

  @Test
  void aSectionSummaryIsStillFoundWhenNothingElseSaysIt() throws Exception {
    JsonNode r = search("prophylaxis");
    assertTrue(r.get("hits").size() >= 1, r.toString());
    assertTrue(restatesItsHeading(r.get("hits").get(0)), r.at("/hits/0/text").asText());
    assertTrue(r.at("/hits/0/snippet").asText().contains("<mark>prophylaxis</mark>"), r.at("/hits/0/snippet").asText());
  }
}
