package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP contract, over a real server on a random port and a real index of the seed corpus. */
class SearchApiTest {
  @TempDir static Path indexDir;
  static LiveServer live;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    live = new LiveServer(indexDir);
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return live.get(pathAndQuery);
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return live.send(request);
  }

  static JsonNode search(String query) throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    return json.readTree(r.body());
  }

  static List<String> ids(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  @Test
  void blinatumomabSideEffectsFindsTheDrugAndImmunotherapySideEffectsInTheTopThree() throws Exception {
    JsonNode r = search("blinatumomab side effects");
    List<String> top3 = ids(r).subList(0, 3);
    assertTrue(top3.contains("knowall-all-treatment/11"), "Blinatumomab passage: " + top3);
    assertTrue(top3.contains("knowall-all-treatment/18"), "immunotherapy side effects passage: " + top3);
    for (JsonNode hit : r.get("hits")) {
      if (hit.get("id").asText().equals("knowall-all-treatment/11")) {
        assertEquals("Know ALL", hit.at("/source/publisher").asText());
        assertEquals("Blinatumomab", hit.get("section").asText());
      }
    }
  }

  @Test
  void everyHitCarriesTheWholeContract() throws Exception {
    JsonNode r = search("blinatumomab side effects");
    assertEquals("blinatumomab side effects", r.get("query").asText());
    assertTrue(r.get("total").asInt() >= r.get("hits").size());
    assertTrue(r.get("took_ms").isNumber());
    int rank = 1;
    for (JsonNode hit : r.get("hits")) {
      assertEquals(rank++, hit.get("rank").asInt());
      assertTrue(hit.get("id").asText().matches("[a-z0-9-]+/\\d+"), hit.get("id").asText());
      assertTrue(hit.get("score").asDouble() > 0);
      assertFalse(hit.get("text").asText().isBlank());
      assertTrue(hit.has("snippet") && hit.has("section") && hit.get("headings").isArray());
      assertTrue(hit.get("tags").isArray());
      for (String field : List.of("id", "title", "publisher", "url", "updated")) {
        assertTrue(hit.get("source").has(field), "source." + field);
      }
      int start = hit.at("/offsets/start").asInt();
      int end = hit.at("/offsets/end").asInt();
      assertTrue(0 <= start && start < end, start + ".." + end);
    }
    assertTrue(r.at("/facets/tags").size() > 0);
    assertTrue(r.at("/facets/source").size() > 0);
  }

  @Test
  void snippetsMarkMatchesAndCarryNoOtherMarkup() throws Exception {
    for (JsonNode hit : search("steroids chemotherapy").get("hits")) {
      String withoutMarks = hit.get("snippet").asText().replace("<mark>", "").replace("</mark>", "");
      assertFalse(withoutMarks.contains("<"), withoutMarks);
    }
    assertTrue(search("dexamethasone").at("/hits/0/snippet").asText().contains("<mark>"));
  }

  @Test
  void facetsCountEveryMatchNotJustThePage() throws Exception {
    JsonNode r = json.readTree(get("/api/search?q=treatment&limit=1").body());
    int sum = 0;
    for (JsonNode count : r.at("/facets/source")) {
      sum += count.asInt();
    }
    assertEquals(r.get("total").asInt(), sum);
    assertEquals(1, r.get("hits").size());
  }

  @Test
  void tagAndSourceFiltersNarrowTheResults() throws Exception {
    JsonNode r = json.readTree(get("/api/search?q=treatment&tag=immunotherapy&limit=50").body());
    assertTrue(r.get("total").asInt() > 0);
    r.get("hits").forEach(h -> assertTrue(h.get("tags").toString().contains("\"immunotherapy\"")));
    JsonNode s = json.readTree(get("/api/search?q=treatment&source=macmillan-all-treatment&limit=50").body());
    assertTrue(s.get("total").asInt() > 0);
    s.get("hits").forEach(h -> assertEquals("macmillan-all-treatment", h.at("/source/id").asText()));
    JsonNode both = json.readTree(
        get("/api/search?q=treatment&source=macmillan-all-treatment&source=knowall-all-treatment").body());
    assertEquals(2, both.at("/facets/source").size());
  }

  @Test
  void setAsideMaterialIsLeftOutUnlessItsTagIsAskedFor() throws Exception {
    JsonNode plain = search("medical disclaimer educational purposes");
    plain.get("hits").forEach(h -> assertFalse(h.get("tags").toString().contains("disclaimer"), h.toString()));
    JsonNode asked = json.readTree(get("/api/search?q=educational+purposes&tag=disclaimer").body());
    assertTrue(asked.get("total").asInt() >= 2);
    asked.get("hits").forEach(h -> assertTrue(h.get("tags").toString().contains("\"disclaimer\"")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"newsletter", "share this page", "translate google", "CancerFax helps travel admission",
      "medical record review", "Susan Hau researcher", "1-888-939-3333", "verified_user", "trusted information creator"})
  void siteChromeIsNeverAResult(String query) throws Exception {
    for (JsonNode hit : search(query).get("hits")) {
      String text = hit.get("text").asText();
      for (String chrome : List.of("Sign up to the newsletter", "Share this page", "Google Translate", "Medical Record Review",
          "distinguished researcher", "939-3333", "verified_user", "Trusted Information Creator")) {
        assertFalse(text.contains(chrome), query + " -> " + hit.get("id").asText());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/api/search", "/api/search?q=", "/api/search?q=%20%20", "/api/search?q=x&limit=0", "/api/search?q=x&limit=51",
      "/api/search?q=x&limit=ten", "/api/search?q=x&offset=-1", "/api/search?q=x&offset=99999999999",
      "/api/search?q=x&tag=no-such-tag", "/api/search?q=x&source=nowhere", "/api/search?q=x&q=y",
      "/api/search?q=x&limit=1&limit=2", "/api/search?q=x&colour=red", "/api/search?q=x&tag="})
  void badParametersGetA400ThatSaysWhatWasWrong(String url) throws Exception {
    HttpResponse<String> r = get(url);
    assertEquals(400, r.statusCode(), url + " -> " + r.body());
    JsonNode body = json.readTree(r.body());
    assertFalse(body.get("error").asText().isBlank());
    assertEquals(400, body.get("status").asInt());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/search?q=%20                | q is required: the words to search for, e.g. blinatumomab side effects",
      "/api/search?q=x&limit=ten        | limit must be a whole number, not 'ten'",
      "/api/search?q=x&limit=51         | limit must be between 1 and 50, not 51",
      "/api/search?q=x&offset=99999999999 | offset 99999999999 is far too large a number",
      "/api/search?q=x&tag=             | tag must not be empty",
      "/api/search?q=x&limit=1&limit=2  | limit may be given only once",
      "/api/search?q=x&tag=no-such-tag  | unknown tag 'no-such-tag'; the tags are listed in index-config/tags.yaml",
      "/api/suggest?q=a&limit=21        | limit must be between 1 and 20, not 21",
      "/api/documents?offset=-1         | offset must be between 0 and 1000000, not -1"})
  void parsingFailuresAndBoundsAreToldApartInTheMessage(String url, String message) throws Exception {
    HttpResponse<String> r = get(url);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(message, json.readTree(r.body()).get("error").asText());
  }

  @Test
  void aQueryOfTooManyTermsIsA400NotAServerError() throws Exception {
    StringBuilder q = new StringBuilder();
    for (int i = 0; q.length() < 490; i++) {
      q.append("cml ").append(i % 10).append(' ');
    }
    HttpResponse<String> r = get("/api/search?q=" + URLEncoder.encode(q.toString(), StandardCharsets.UTF_8));
    assertTrue(r.statusCode() == 200 || r.statusCode() == 400, r.statusCode() + " " + r.body());
  }

  @Test
  void anOverlongQueryIsA400() throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + "a".repeat(501));
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("at most 500"), r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"unbalanced", "(((", "a:b", "-", "+", "|", "~2", "*", "\\", "\"\"", "AND OR NOT",
      "title:leukemia", "[1 TO 5]", "leuk*", "blinatumomab~1", "😀 ✓ ‮", "\u0000"})
  void whateverAPersonTypesIsNeverAServerError(String q) throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertTrue(r.statusCode() == 200 || r.statusCode() == 400, q + " -> " + r.statusCode() + " " + r.body());
  }

  @Test
  void pagingWithOffsetContinuesTheSameRanking() throws Exception {
    List<String> all = ids(json.readTree(get("/api/search?q=leukaemia+treatment&limit=20").body()));
    List<String> second = ids(json.readTree(get("/api/search?q=leukaemia+treatment&limit=10&offset=10").body()));
    assertEquals(all.subList(10, 20), second);
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405InTheErrorShape() throws Exception {
    HttpResponse<String> missing = get("/api/nothing-here");
    assertEquals(404, missing.statusCode());
    assertEquals(404, json.readTree(missing.body()).get("status").asInt());
    HttpResponse<String> post = send(live.request("/api/search?q=x").POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(405, post.statusCode());
    assertNotNull(json.readTree(post.body()).get("error"));
  }

  @Test
  void healthAnswers() throws Exception {
    HttpResponse<String> r = get("/health");
    assertEquals(200, r.statusCode());
    assertEquals("ok", json.readTree(r.body()).get("status").asText());
  }

  @Test
  void thePageIsServedWithAPolicyThatForbidsInlineScript() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<form id=\"search\""));
    String csp = page.headers().firstValue("content-security-policy").orElseThrow();
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElseThrow());
    assertEquals(200, get("/app.js").statusCode());
  }

  @Test
  void thePageFilesAreServedWithTheirTypesAndAStrongEtag() throws Exception {
    Map<String, String> types = Map.of("/", "text/html", "/index.html", "text/html", "/app.js", "text/javascript",
        "/style.css", "text/css");
    for (Map.Entry<String, String> e : types.entrySet()) {
      HttpResponse<String> r = get(e.getKey());
      assertEquals(200, r.statusCode(), e.getKey());
      assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith(e.getValue()), e.getKey());
      assertEquals("max-age=0", r.headers().firstValue("cache-control").orElseThrow(), e.getKey());
      String etag = r.headers().firstValue("etag").orElseThrow();
      HttpResponse<String> again = live.send(live.request(e.getKey()).header("If-None-Match", etag));
      assertEquals(304, again.statusCode(), e.getKey() + " unchanged since " + etag);
      assertEquals("", again.body());
      assertEquals(200, live.send(live.request(e.getKey()).header("If-None-Match", "\"other\"")).statusCode());
    }
    assertEquals(get("/").body(), get("/index.html").body());
    assertNotEquals(get("/app.js").headers().firstValue("etag"), get("/style.css").headers().firstValue("etag"));
    HttpResponse<String> head = live.send(live.request("/style.css").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals(404, get("/public/app.js").statusCode(), "only the page's own paths");
  }

  @Test
  void theAppServesItsOwnFavicon() throws Exception {
    HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(live.request("/favicon.ico").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, icon.statusCode(), "browsers ask for /favicon.ico whatever the page says");
    assertTrue(icon.headers().firstValue("content-type").orElseThrow().startsWith("image/"), icon.headers().toString());
    byte[] b = icon.body();
    assertTrue(b.length > 22 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0, "an ICO file's header");
    assertTrue(get("/").body().contains("<link rel=\"icon\" href=\"/favicon.ico\""), "the page names it");
  }

  @Test
  void theProductShipsNoTestOnlyScript() throws Exception {
    // axe-core audits the page in the browser tests only: installed under target/, never served.
    assertEquals(404, get("/axe.min.js").statusCode());
    assertEquals(null, getClass().getResource("/public/axe.min.js"));
  }
}
