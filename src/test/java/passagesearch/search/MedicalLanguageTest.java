package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import passagesearch.TestSupport;

/** How readers ask about leukaemia treatment, against a real index of the seed corpus. */
class MedicalLanguageTest {
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

  static SearchResponse find(String q) {
    return search.search(new SearchRequest(q, 10, 0, List.of(), List.of(), false));
  }

  static List<String> top(String q, int n) {
    return find(q).hits().stream().limit(n).map(SearchHit::id).toList();
  }

  static boolean anyHitContains(String q, int n, String fragment) {
    return find(q).hits().stream().limit(n).anyMatch(h -> h.text().contains(fragment));
  }

  @ParameterizedTest(name = "{0} finds \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      // brands and generics, both ways
      "Blincyto | Blinatumomab is a special antibody",
      "Gleevec | In the chronic phase, tyrosine kinase inhibitors (such as imatinib)",
      "Glivec | tyrosine kinase inhibitors (such as imatinib)",
      "Sprycel | dasatinib (Sprycel)",
      "Kymriah | Tisagenlecleucel is a CAR T-cell product",
      // transliterated brand names in a machine-translated page
      "chlorambucil | Liu Keran monotherapy",
      "rituximab fludarabine | cyclophosphamide combined with merova",
      // words glued together in the source
      "revumenib | Revumenibis a menin inhibitor",
      "obecabtagene autoleucel | Obecabtageneautoleucel is a CAR T-cell therapy",
      "tyrosine kinase inhibitors Philadelphia-like | heretyrosine kinase inhibitors",
      // a citation number glued to a drug name
      "inotuzumab ozogamicin | Inotuzumab ozogamicin is another unique antibody",
      // acronyms and their spelled-out forms, both ways
      "MRD | Minimal residual disease (MRD) means",
      "minimal residual disease | Sometimes very small numbers of leukaemia cells are still found",
      "CRS | Cytokine release syndrome (CRS)",
      "GVHD | graft-versus-host disease",
      "TKI | tyrosine kinase inhibitors like imatinib (Gleevec)",
      "TYA | cancer units for teenagers and young adults",
      "central nervous system leukaemia | are often combined with CNSL",
      // older and alternative names
      "acute lymphocytic leukaemia chemotherapy | Chemotherapy uses anti-cancer (cytotoxic) drugs to destroy the cancer cells. This is the main treatment for ALL",
      "bone marrow transplant | donor stem cell transplant is an intensive treatment",
      "radiation therapy | this technique is called radiotherapy",
      "M3 | acute promyelocytic leukemia (M3)",
      "acute promyelocytic leukaemia | all-trans retinoic acid combined with arsenic",
      // hyphenation and spacing
      "CAR-T | CAR T-cells are a recent advancement",
      "CAR T cell therapy | CAR T-cells are a recent advancement",
      "CART-T | CART-T cell therapy",
      "T cell | CAR T-cells are a recent advancement",
      "graft versus host | graft-versus-host disease",
      // British and American spellings, applied at index and query time
      "paediatric survival | While pediatric patients generally have high survival rates",
      "haematologist oncologist | Beyond the primary hematologist-oncologist",
      "leukaemia relapse stem cell | This can help reduce the risk of relapse",
      // plain questions
      "how long does maintenance last | Maintenance is a less intense treatment phase that can last up to 2 years",
      "what happens if leukaemia comes back | Sometimes ALL comes back after a remission",
      "can I be treated in a teenage unit | cancer units for teenagers and young adults",
  })
  void findsWhatTheReaderMeant(String query, String fragment) {
    assertTrue(anyHitContains(query, 3, fragment), query + " -> " + top(query, 3));
  }

  @Test
  void everyBrandOfADrugTheCorpusNamesFindsThatDrug() {
    // Over the whole vocabulary: a brand must find its drug even where the page names the drug in other
    // words ("Campath" for "anti-CD52", "Trisenox" for "arsenic"), not only where a synonym meets it.
    var config = TestSupport.loadConfig();
    java.util.Set<String> tagged = new java.util.HashSet<>();
    search.tags().forEach(g -> g.tags().stream().filter(t -> t.passages() > 0).forEach(t -> tagged.add(t.id())));
    int checked = 0;
    for (var tag : config.tags().all()) {
      if (!tagged.contains(tag.id())) {
        continue;
      }
      for (String brand : tag.brands()) {
        SearchResponse r = find(brand);
        assertFalse(r.hits().isEmpty(), brand + " finds nothing");
        assertTrue(r.hits().get(0).tags().contains(tag.id()), brand + " -> " + r.hits().get(0).id());
        checked++;
      }
    }
    assertTrue(checked >= 30, "brands checked: " + checked);
  }

  @Test
  void aPassageFoundByTheDrugItNamesInOtherWordsShowsThoseWordsMarked() {
    SearchResponse campath = find("Campath");
    assertEquals(1, campath.hits().size());
    assertTrue(campath.hits().get(0).snippet().contains("<mark>anti-CD52</mark>"), campath.hits().get(0).snippet());
    SearchResponse trisenox = find("Trisenox");
    assertTrue(trisenox.hits().get(0).snippet().contains("<mark>arsenic</mark>"), trisenox.hits().get(0).snippet());
    assertTrue(find("Trisenox -arsenic").hits().isEmpty(), "an exclusion holds for a passage found by its tag");
    // Excluding a drug by its brand leaves out the passages about it, as searching for the brand finds them.
    assertTrue(find("acute promyelocytic leukaemia").hits().stream().anyMatch(h -> h.tags().contains("arsenic-trioxide")));
    assertTrue(find("acute promyelocytic leukaemia -Trisenox").hits().stream()
        .noneMatch(h -> h.tags().contains("arsenic-trioxide")));
    assertTrue(find("tyrosine kinase inhibitors").hits().stream().anyMatch(h -> h.tags().contains("imatinib")));
    assertTrue(find("tyrosine kinase inhibitors -Gleevec").hits().stream().noneMatch(h -> h.tags().contains("imatinib")));
  }

  @Test
  void britishAndAmericanSpellingsGiveTheSameResults() {
    assertEquals(top("leukaemia cells paediatric", 10), top("leukemia cells pediatric", 10));
    assertEquals(top("haematologist", 10), top("hematologist", 10));
  }

  @Test
  void exactWordsOutrankSynonyms() {
    // "radiotherapy" is in both passages' words; "radiation therapy" only in the first's heading and text.
    SearchResponse r = find("radiation therapy");
    assertTrue(r.hits().get(0).text().contains("Radiation therapy") || r.hits().get(0).headings().toString()
        .contains("Radiation therapy"), r.hits().get(0).id());
  }

  @ParameterizedTest(name = "{0} is read as {1}")
  @CsvSource(delimiter = '|', value = {
      "blinatumomob side effects | blinatumomab side effects",
      "imatanib | imatinib",
      "dasatinb | dasatinib",
      "dexamethazone | dexamethasone",
      "Leukemai treatment | Leukemia treatment",
  })
  void aMisspeltWordIsCorrectedAndTheResponseSaysSo(String typed, String meant) {
    SearchResponse r = find(typed);
    assertEquals(meant, r.corrected());
    assertEquals(typed, r.query());
    assertFalse(r.hits().isEmpty());
  }

  @Test
  void aCorrectQueryIsNeverCorrected() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (String line : Files.readAllLines(TestSupport.root().resolve("eval/seed/queries.jsonl"))) {
      JsonNode q = json.readTree(line);
      if (!q.get("kind").asText().equals("typo")) {
        assertNull(find(q.get("query").asText()).corrected(), q.get("query").asText());
        checked++;
      }
    }
    assertTrue(checked > 60);
    for (String q : List.of("Blincyto", "Besponsa", "Tecartus", "hematopoietic", "what happens", "tumour")) {
      assertNull(find(q).corrected(), q);
    }
  }

  @Test
  void quotedPhrasesExclusionsAndOr() {
    SearchResponse phrase = find("\"side effects\"");
    phrase.hits().forEach(h -> assertTrue(h.text().toLowerCase().contains("side effects")
        || h.headings().toString().toLowerCase().contains("side effects"), h.id()));
    SearchResponse without = find("transplant -donor");
    assertFalse(without.hits().isEmpty());
    without.hits().forEach(h -> assertFalse(h.text().toLowerCase().contains("donor"), h.id()));
    List<String> either = top("rituximab OR revumenib", 10);
    assertTrue(either.contains("knowall-all-treatment/9") && either.contains("macmillan-all-treatment/5"), either.toString());
  }

  @Test
  void closeWordsOutrankScatteredOnes() {
    // "side effects" together beats a passage that has "side" and "effects" apart.
    SearchResponse r = find("side effects");
    assertTrue(r.hits().get(0).text().contains("side effects"));
  }

  @Test
  void aDrugsSideEffectsLiftSideEffectPassagesAboutItsClass() {
    SearchResponse r = search.search(new SearchRequest("blinatumomab side effects", 10, 0, List.of(), List.of(), true));
    QueryUnderstanding u = r.understood();
    assertNotNull(u);
    assertTrue(u.tags().containsAll(List.of("side-effects", "blinatumomab")), u.tags().toString());
    assertTrue(u.impliedTags().contains("immunotherapy"), u.impliedTags().toString());
    List<String> top3 = r.hits().stream().limit(3).map(SearchHit::id).toList();
    assertTrue(top3.contains("knowall-all-treatment/18"), "immunotherapy side effects: " + top3);
    assertNotNull(r.hits().get(0).explanation());
    assertTrue(r.hits().get(0).explanation().value() > 0);
  }

  @Test
  void explainShowsTermsExpansionsAndCorrections() {
    QueryUnderstanding u =
        search.search(new SearchRequest("Gleevec leukaemia imatanib", 5, 0, List.of(), List.of(), true)).understood();
    assertTrue(u.terms().contains("leukemia"), u.terms().toString());
    assertTrue(u.expansions().contains("glivec"), u.expansions().toString());
    assertEquals("imatinib", u.corrections().get("imatanib"));
    assertNull(find("Gleevec").understood(), "no explanation unless asked");
  }

  @Test
  void severalSourcesReachTheTopWhenSeveralAnswer() {
    long sources = find("chemotherapy").hits().stream().limit(5).map(h -> h.source().id()).distinct().count();
    assertTrue(sources >= 3, "sources in the top five: " + sources);
  }

  @Test
  void theSameTextTwiceTakesOnePlace(@TempDir Path dir) {
    String paragraph = "Imatinib is a tyrosine kinase inhibitor taken as tablets every day for chronic myeloid "
        + "leukaemia, and most people take it for many years while their blood counts are checked.";
    Path corpus = dir.resolve("corpus");
    TestSupport.write(corpus.resolve("a.txt"), "Page A\n\n" + paragraph + "\n");
    TestSupport.write(corpus.resolve("b.txt"), "Page B\n\n" + paragraph + "\n");
    TestSupport.write(corpus.resolve("c.txt"), "Page C\n\nImatinib is also called Glivec. It is used for other "
        + "conditions too, and your specialist will explain what to expect from taking it each day.\n");
    try (SearchService s = TestSupport.searchService(corpus, dir.resolve("index"))) {
      SearchResponse r = s.search(SearchRequest.of("imatinib tablets"));
      assertEquals(2, r.hits().size(), r.hits().stream().map(SearchHit::id).toList().toString());
      assertEquals(2, r.total());
    }
  }
}
