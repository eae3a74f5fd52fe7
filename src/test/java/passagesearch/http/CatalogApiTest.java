package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import passagesearch.TestSupport;

/** Passages in place, documents, tags, the index and readiness, over a real server and index. */
class CatalogApiTest {
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

  static HttpResponse<String> get(String path) throws Exception {
    return live.get(path);
  }

  static JsonNode ok(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), path + " -> " + r.body());
    return json.readTree(r.body());
  }

  @Test
  void aPassageComesWithItsDocumentNeighboursAndTheSourceAroundIt() throws Exception {
    JsonNode r = ok("/api/passages/knowall-all-treatment/11");
    assertEquals("knowall-all-treatment/11", r.at("/passage/id").asText());
    assertEquals("Blinatumomab", r.at("/passage/section").asText());
    assertEquals("Know ALL", r.at("/source/publisher").asText());
    assertEquals("knowall-all-treatment/10", r.get("previous").asText());
    assertEquals("knowall-all-treatment/12", r.get("next").asText());
    String source = Files.readString(TestSupport.corpus().resolve("knowall-all-treatment.txt"));
    int start = r.at("/passage/offsets/start").asInt();
    int end = r.at("/passage/offsets/end").asInt();
    assertEquals(source.substring(start, end), r.at("/context/text").asText());
    assertTrue(source.substring(0, start).endsWith(r.at("/context/before").asText()));
    assertTrue(source.substring(end).startsWith(r.at("/context/after").asText()));
    assertTrue(r.at("/context/before").asText().contains("Blinatumomab\n"), "the heading above is in view");
  }

  @Test
  void theFirstPassageHasNoPreviousAndTheLastNoNext() throws Exception {
    JsonNode doc = ok("/api/documents/macmillan-all-treatment");
    int n = doc.at("/document/passages").asInt();
    assertTrue(ok("/api/passages/macmillan-all-treatment/1").get("previous").isNull());
    assertTrue(ok("/api/passages/macmillan-all-treatment/" + n).get("next").isNull());
  }

  @Test
  void documentsAreListedWithMetadataPassageAndTagCounts() throws Exception {
    JsonNode docs = ok("/api/documents").get("documents");
    assertEquals(5, docs.size());
    int total = 0;
    for (JsonNode d : docs) {
      assertTrue(d.at("/source/id").isTextual() && d.at("/source/title").isTextual());
      assertTrue(d.get("passages").asInt() > 0);
      total += d.get("passages").asInt();
    }
    assertEquals(ok("/api/index").get("passages").asInt(), total);
    JsonNode macmillan = ok("/api/documents/macmillan-all-treatment");
    assertEquals("2025-03-01", macmillan.at("/document/source/nextReview").asText());
    assertEquals(macmillan.at("/document/passages").asInt(), macmillan.get("total").asInt());
  }

  @Test
  void documentsComeAPageAtATimeWithTheLinkToTheNext() throws Exception {
    JsonNode first = ok("/api/documents?limit=2");
    assertEquals(5, first.get("total").asInt());
    assertEquals(0, first.get("offset").asInt());
    assertEquals(2, first.get("documents").size());
    assertEquals("/api/documents?offset=2&limit=2", first.get("next").asText());
    JsonNode last = ok("/api/documents?offset=4&limit=2");
    assertEquals(1, last.get("documents").size());
    assertTrue(last.get("next").isNull(), "the last page has no next");
    assertEquals(ok("/api/documents").get("documents").get(4), last.get("documents").get(0), "pages follow corpus order");
    JsonNode beyond = ok("/api/documents?offset=1000000");
    assertEquals(0, beyond.get("documents").size());
    assertEquals(5, beyond.get("total").asInt());
    assertEquals(50, ok("/api/documents").get("limit").asInt(), "50 by default");
  }

  @Test
  void aDocumentsPassagesComeInOrderAPageAtATime() throws Exception {
    String path = "/api/documents/macmillan-all-treatment";
    JsonNode page = ok(path + "?limit=7");
    int total = page.at("/document/passages").asInt();
    assertTrue(total > 14, "several pages: " + total);
    assertEquals(total, page.get("total").asInt());
    int seen = 0;
    int pages = 0;
    while (true) {
      JsonNode passages = page.get("passages");
      assertTrue(passages.size() <= 7);
      for (JsonNode p : passages) {
        seen++;
        assertEquals(seen, p.get("ordinal").asInt(), "passages in order, none skipped or repeated");
        assertEquals("macmillan-all-treatment/" + seen, p.get("id").asText());
      }
      pages++;
      if (page.get("next").isNull()) {
        break;
      }
      assertEquals(path + "?offset=" + seen + "&limit=7", page.get("next").asText());
      page = ok(page.get("next").asText());
    }
    assertEquals(total, seen);
    assertEquals((total + 6) / 7, pages);
    assertEquals(Math.min(50, total), ok(path).get("passages").size(), "50 by default");
    assertEquals(0, ok(path + "?offset=" + total).get("passages").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/documents?limit=0", "/api/documents?limit=101", "/api/documents?offset=-1",
      "/api/documents?offset=1000001", "/api/documents?limit=x", "/api/documents?limit=1&limit=2",
      "/api/documents/macmillan-all-treatment?limit=101", "/api/documents/macmillan-all-treatment?offset=abc",
      "/api/documents/macmillan-all-treatment?limit=0"})
  void badPagesAre400sNamingTheParameter(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(400, r.statusCode(), path + " -> " + r.body());
    String parameter = path.contains("limit=") ? "limit" : "offset";
    assertTrue(json.readTree(r.body()).get("error").asText().startsWith(parameter), r.body());
  }

  @Test
  void tagsComeInVocabularyGroupsWithCounts() throws Exception {
    JsonNode groups = ok("/api/tags").get("groups");
    assertEquals("disease", groups.get(0).get("id").asText());
    boolean sawAside = false;
    for (JsonNode g : groups) {
      sawAside |= g.get("setAside").asBoolean();
      for (JsonNode t : g.get("tags")) {
        assertTrue(t.get("passages").asInt() >= 0);
      }
    }
    assertTrue(sawAside);
    assertTrue(groups.toString().contains("{\"id\":\"blinatumomab\",\"label\":\"Blinatumomab\",\"passages\":"));
  }

  @Test
  void theIndexAndReadinessSayWhatIsServed() throws Exception {
    JsonNode index = ok("/api/index");
    assertTrue(index.get("generation").asText().matches("gen-\\d{6}"));
    assertEquals(5, index.get("documents").asInt());
    assertTrue(index.get("corpusFingerprint").asText().matches("[0-9a-f]{16}"));
    JsonNode ready = ok("/ready");
    assertEquals("ready", ready.get("status").asText());
    assertEquals(index.get("generation").asText(), ready.get("generation").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/passages/nope/1", "/api/passages/knowall-all-treatment/999",
      "/api/passages/..%2F..%2Fetc%2Fpasswd", "/api/passages/knowall-all-treatment", "/api/documents/nope",
      "/api/documents/..%2Fcorpus", "/api/documents/%2Fetc%2Fpasswd"})
  void unknownIdsAre404sThatNameTheId(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(404, r.statusCode(), path + " -> " + r.body());
    JsonNode body = json.readTree(r.body());
    assertEquals(404, body.get("status").asInt());
    assertFalse(body.get("error").asText().contains("root:"), "nothing outside the corpus is read");
  }

  @Test
  void anOverlongIdIsA400() throws Exception {
    assertEquals(400, get("/api/passages/" + "a".repeat(400)).statusCode());
    assertEquals(400, get("/api/documents?x=1").statusCode());
  }
}
