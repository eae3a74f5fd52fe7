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
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: each hit says which of the query's concepts it covers, and when no passage covers them all, the
 * answer says so before any hit; a drug the query names outweighs a generic topic, so the first hit names it.
 * Over a real server and a real index of the seed corpus, searched by words and meaning as shipped: what a
 * reader sees first.
 */
class CoverageApiTest {
  @TempDir static Path indexDir;
  static LiveServer live;

  @BeforeAll
  static void start() {
    live = new LiveServer(indexDir);
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  static JsonNode search(String query) throws Exception {
    HttpResponse<String> r = live.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    return live.json.readTree(r.body());
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The response's fields in order: what a client reading it top down meets first. */
  static List<String> fields(JsonNode r) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** The hit with this id on the first page. */
  static JsonNode hit(JsonNode r, String id) {
    for (JsonNode h : r.get("hits")) {
      if (h.get("id").asText().equals(id)) {
        return h;
      }
    }
    throw new AssertionError(id + " is not on the first page");
  }

  @Test
  void imatinibSideEffectsOpensWithImatinibAndSaysNoPassageMentionsBoth() throws Exception {
    JsonNode r = search("imatinib side effects");
    assertEquals(List.of("imatinib", "side effects"), texts(r.at("/coverage/concepts")));
    assertFalse(r.at("/coverage/complete").asBoolean());
    assertEquals("No passage in these sources mentions imatinib together with side effects. Showing passages about each.",
        r.at("/coverage/message").asText());
    assertTrue(fields(r).indexOf("coverage") < fields(r).indexOf("hits"), "the message comes before any hit: " + fields(r));
    JsonNode chemotherapy = hit(r, "knowall-all-treatment/17");
    assertEquals(List.of("imatinib"), texts(chemotherapy.at("/coverage/missing")));
    assertEquals("[{\"concept\":\"side effects\",\"by\":\"word\"}]", chemotherapy.at("/coverage/matched").toString());
    JsonNode imatinib = hit(r, "cancerfax-leukemia-treatment-options/5");
    assertEquals(List.of("side effects"), texts(imatinib.at("/coverage/missing")));
    assertEquals("[{\"concept\":\"imatinib\",\"by\":\"word\"}]", imatinib.at("/coverage/matched").toString());
    JsonNode first = r.at("/hits/0");
    assertTrue(first.get("text").asText().contains("imatinib"), "the first hit names the drug: " + first.get("text"));
    assertEquals(List.of("side effects"), texts(first.at("/coverage/missing")));
  }

  @Test
  void gleevecSideEffectsOpensWithImatinibByItsOtherName() throws Exception {
    JsonNode r = search("Gleevec side effects");
    assertEquals("No passage in these sources mentions Gleevec (imatinib) together with side effects. "
        + "Showing passages about each.", r.at("/coverage/message").asText());
    assertEquals("[{\"concept\":\"Gleevec (imatinib)\",\"by\":\"synonym\"}]",
        hit(r, "cancerfax-leukemia-treatment-options/5").at("/coverage/matched").toString());
    String first = r.at("/hits/0/text").asText();
    assertTrue(first.contains("imatinib"), "the first hit names the drug: " + first);
    assertFalse(first.contains("side effect"), first);
  }

  @Test
  void aMisspeltDasatinibOpensWithAPassageNamingDasatinib() throws Exception {
    JsonNode r = search("side efects of dasatanib");
    assertEquals("side effects of dasatinib", r.get("corrected").asText());
    assertEquals(List.of("side effects", "dasatinib"), texts(r.at("/coverage/concepts")));
    assertEquals("No passage in these sources mentions side effects together with dasatinib. Showing passages about each.",
        r.at("/coverage/message").asText());
    JsonNode first = r.at("/hits/0");
    assertTrue(first.get("text").asText().contains("dasatinib"), "the first hit names the drug: " + first.get("text"));
    assertEquals(List.of("side effects"), texts(first.at("/coverage/missing")));
  }

  /**
   * Tisagenlecleucel is a CAR T-cell product (the pages say so, and tags.yaml gives it that class); no page
   * names its side effects, but one lists CAR T-cell therapy's. That list comes first, saying it does not
   * name tisagenlecleucel and that it is about its class; the passage that names it comes next; the
   * chemotherapy list, about neither, after both.
   */
  @Test
  void tisagenlecleucelSideEffectsOpensWithItsClassSideEffectsAndSaysSo() throws Exception {
    JsonNode r = search("tisagenlecleucel side effects");
    assertEquals("No passage in these sources mentions tisagenlecleucel together with side effects. "
        + "Showing passages about each.", r.at("/coverage/message").asText());
    JsonNode carT = hit(r, "knowall-all-treatment/18");
    assertEquals(List.of("tisagenlecleucel"), texts(carT.at("/coverage/missing")));
    JsonNode byClass = carT.at("/coverage/matched/0");
    assertEquals(List.of("tisagenlecleucel", "class", "CAR T-cell therapy"),
        List.of(byClass.get("concept").asText(), byClass.get("by").asText(), byClass.get("via").asText()));
    assertEquals("knowall-all-treatment/18", r.at("/hits/0/id").asText());
    assertTrue(r.at("/hits/0/text").asText().contains("CAR T-cell therapy may result in serious side effects"));
    assertEquals("knowall-all-treatment/13", r.at("/hits/1/id").asText());
    assertTrue(r.at("/hits/1/text").asText().contains("Tisagenlecleucel is a CAR T-cell product"));
    List<String> ids = new ArrayList<>();
    r.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    assertTrue(ids.indexOf("knowall-all-treatment/17") > 1, "the chemotherapy list after both: " + ids);
  }

  @Test
  void aQueryOnePassageCoversWholeHasNoMessage() throws Exception {
    JsonNode r = search("blinatumomab side effects");
    assertEquals(List.of("blinatumomab", "side effects"), texts(r.at("/coverage/concepts")));
    assertTrue(r.at("/coverage/complete").asBoolean());
    assertTrue(r.at("/coverage/message").isMissingNode(), r.get("coverage").toString());
    JsonNode both = r.at("/hits/0");
    assertEquals("knowall-all-treatment/11", both.get("id").asText());
    assertTrue(both.get("text").asText().startsWith("Blinatumomab is a special antibody"));
    assertEquals(List.of(), texts(both.at("/coverage/missing")));
    assertEquals("[{\"concept\":\"blinatumomab\",\"by\":\"word\"},{\"concept\":\"side effects\",\"by\":\"word\"}]",
        both.at("/coverage/matched").toString());
  }

  /**
   * Coverage is of the results, not of the page shown: a page past every hit still says whether a passage
   * among them mentions every concept (the engine is asked, within the same filters).
   */
  @Test
  void aPagePastTheHitsStillSaysWhetherAPassageMentionsEveryConcept() throws Exception {
    JsonNode covered = live.json.readTree(live.get("/api/search?q=blinatumomab+side+effects&offset=200").body());
    assertEquals(0, covered.get("hits").size(), covered.toString());
    assertTrue(covered.at("/coverage/complete").asBoolean(), covered.get("coverage").toString());
    JsonNode uncovered = live.json.readTree(live.get("/api/search?q=imatinib+side+effects&offset=200").body());
    assertFalse(uncovered.at("/coverage/complete").asBoolean(), uncovered.get("coverage").toString());
    assertEquals("No passage in these sources mentions imatinib together with side effects.",
        uncovered.at("/coverage/message").asText());
    JsonNode filteredOut = live.json.readTree(
        live.get("/api/search?q=blinatumomab+side+effects&offset=200&source=macmillan-all-treatment").body());
    assertFalse(filteredOut.at("/coverage/complete").asBoolean(), filteredOut.get("coverage").toString());
  }

  @Test
  void aFilteredSearchSaysSoAndAQueryOfNoConceptsHasNoCoverage() throws Exception {
    HttpResponse<String> r = live.get("/api/search?q=imatinib+side+effects&source=knowall-all-treatment");
    JsonNode filtered = live.json.readTree(r.body());
    assertEquals("No passage matching the filters mentions imatinib together with side effects. "
        + "Showing passages about each.", filtered.at("/coverage/message").asText());
    JsonNode none = search("what is it");
    assertTrue(none.get("coverage") == null, none.toString());
  }
}
