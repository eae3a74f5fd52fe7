package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.index.PassageAnalyzer;
import passagesearch.query.Concept;
import passagesearch.query.QueryParser;

/** A query's concepts, read from its model with the project's vocabulary and analyzer. */
class ConceptReaderTest {
  private static final IndexConfig CONFIG = TestSupport.loadConfig();
  private final TagRecognizer tags = new TagRecognizer(CONFIG.tags());
  private final ConceptReader reader = new ConceptReader(CONFIG.tags(),
      PassageAnalyzer.build(CONFIG.tags().acronyms(), CONFIG.vocabulary()).query());

  private List<Concept> concepts(String typed) {
    return reader.read(tags.recognize(QueryParser.parse(typed)));
  }

  /** Each concept as "text kind [tags] specific" for exact asserts. */
  private List<String> shown(String typed) {
    return concepts(typed).stream()
        .map(c -> c.text() + " " + c.kind() + " " + c.tags() + (c.specific() ? " specific" : ""))
        .toList();
  }

  @Test
  void aDrugByAnyOfItsNamesAndATopicAreTwoConcepts() {
    assertEquals(List.of("imatinib TAG [imatinib] specific", "side effects TAG [side-effects]"), shown("imatinib side effects"));
    assertEquals(List.of("Gleevec (imatinib) TAG [imatinib] specific", "side effects TAG [side-effects]"),
        shown("Gleevec side effects"));
    assertEquals(List.of("Kymriah (tisagenlecleucel) TAG [tisagenlecleucel] specific"), shown("Kymriah"));
    assertEquals(List.of("targeted-therapy"), concepts("imatinib").get(0).classes(), "a drug's class, for ranking");
  }

  @Test
  void stopAndQuestionWordsAreNoConceptsAndPunctuationIsNotShown() {
    assertEquals(List.of("after WORD []", "bone marrow transplant TAG [stem-cell-transplant]"),
        shown("what happens after a bone marrow transplant?"));
    assertEquals(List.of("children WORD []", "after WORD []", "treatment WORD []"), shown("can I have children after treatment"));
    assertEquals(List.of(), shown("what is it"));
  }

  @Test
  void aPhraseIsOneConceptAndExcludedWordsAreNone() {
    assertEquals(List.of("\"side effects\" PHRASE []", "imatinib TAG [imatinib] specific"), shown("\"side effects\" of imatinib"));
    assertEquals(List.of("transplant TAG [stem-cell-transplant]"), shown("transplant -\"stem cell\""));
    assertEquals(List.of("maintenance TAG [maintenance]"), shown("maintenance -Trisenox"));
  }

  @Test
  void wordsTypedWithOrBetweenThemAreOneConceptOfAlternatives() {
    List<Concept> either = concepts("imatinib OR dasatinib side effects");
    assertEquals(List.of("imatinib or dasatinib", "side effects"), either.stream().map(Concept::text).toList());
    assertEquals(List.of("imatinib", "dasatinib"), either.get(0).alternatives().stream().map(Concept::text).toList());
    assertEquals(List.of("imatinib", "dasatinib"), either.get(0).tags());
    assertEquals(List.of("relaps* WORD []", "remision~1 WORD []"), shown("relaps* remision~1"));
  }

  @Test
  void correctedWordsAreReadAsCorrected() {
    assertEquals(List.of("side effects TAG [side-effects]", "dasatinib TAG [dasatinib] specific"),
        reader.read(tags.recognize(QueryParser.parse("side efects of dasatanib")
            .corrected(java.util.Map.of("efects", "effects", "dasatanib", "dasatinib")))).stream()
            .map(c -> c.text() + " " + c.kind() + " " + c.tags() + (c.specific() ? " specific" : ""))
            .toList());
  }
}
