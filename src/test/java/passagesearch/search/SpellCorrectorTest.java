package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import passagesearch.TestSupport;

/** Spelling correction over a real index of the seed corpus: the {@code corrected} a reader is shown. */
class SpellCorrectorTest {
  @TempDir static Path tmp;
  static SearchService search;

  @BeforeAll
  static void build() {
    search = TestSupport.lexicalSeedSearch(tmp.resolve("index"));
  }

  @AfterAll
  static void close() {
    search.close();
  }

  static SearchResponse find(String q) {
    return search.search(new SearchRequest(q, 10, 0, List.of(), List.of(), false));
  }

  @Test
  void anEnglishWordNoPageUsesIsNotCorrected() {
    assertEquals(0, find("lose").total(), "no page says lose: the corpus alone would call it unknown");
    assertNull(find("will I lose my hair").corrected());
    assertNull(find("Will I LOSE my hair").corrected());
    assertFalse(find("will I lose my hair").hits().isEmpty(), "hair still finds its passages");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      blinatumomob               | blinatumomab
      dasatinb                   | dasatinib
      inotuzomab                 | inotuzumab
      methotrexat                | methotrexate
      leukaemia consolidaton     | leukaemia consolidation
      side efects of dasatanib   | side effects of dasatinib
      imatanib                   | imatinib
      leukemai in children       | leukemia in children
      tisagenlecleucal           | tisagenlecleucel
      intrathecal chemotharapy   | intrathecal chemotherapy
      chemotherapie side effects | chemotherapy side effects
      vincristin                 | vincristine
      """)
  void aMisspellingIsStillReadAsTheCorpusWord(String typed, String corrected) {
    assertEquals(corrected, find(typed).corrected());
  }

  @Test
  void aMisspellingTheIndexHoldsByItsStemIsShownAsThePagesSpellItAndFindsTheSame() {
    // "chemotherapie" is stemmed as "chemotherapy" is: the same passages, now with the spelling shown.
    assertEquals(ids("chemotherapy side effects"), ids("chemotherapie side effects"));
    // A word with that stem is not English nor the pages' and has no near corpus spelling: left as typed.
    assertNull(find("Gleevec's").corrected());
  }

  static List<String> ids(String q) {
    return find(q).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void theWordListKnowsAmericanAndBritishEnglishInAnyCase() {
    EnglishWords english = new EnglishWords();
    for (String word : List.of("lose", "hair", "leukemia", "leukaemia", "color", "colour", "Lose", "LOSE", "paris", "nasa")) {
      assertTrue(english.contains(word), word);
    }
    for (String word : List.of("blinatumomob", "dasatinb", "efects", "consolidaton", "methotrexat", "chemotherapie", "", "lo+se")) {
      assertFalse(english.contains(word), word);
    }
  }
}
