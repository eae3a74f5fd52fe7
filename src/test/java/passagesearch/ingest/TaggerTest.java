package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagGroup;
import passagesearch.config.TagVocabulary;

class TaggerTest {
  private static IndexConfig config;
  private static Tagger tagger;

  @BeforeAll
  static void loadRealTags() {
    config = TestSupport.loadConfig();
    tagger = new Tagger(config.tags());
  }

  private static List<String> tags(String text) {
    return tagger.tags(text, List.of(), null, null);
  }

  @Test
  void capitalisedAllIsTheDisease() {
    assertEquals(List.of("all"), tags("Treatment for ALL is given in phases."));
  }

  @Test
  void theWordAllIsNotTheDisease() {
    assertEquals(List.of(), tags("Talk to all of them."));
    assertEquals(List.of(), tags("All of them came."));
  }

  @Test
  void spelledOutDiseaseNameTagsAll() {
    assertEquals(List.of("all"), tags("Acute lymphocytic leukemia is rare."));
    assertEquals(List.of("all"), tags("acute lymphoblastic leukaemia"));
  }

  @Test
  void brandNameTagsTheDrugAndItsImpliedClass() {
    assertEquals(List.of("targeted-therapy", "imatinib"), tags("Gleevec"));
  }

  @Test
  void blinatumomabTagsTheDrugAndImmunotherapy() {
    assertEquals(List.of("immunotherapy", "blinatumomab"), tags("Blinatumomab"));
  }

  @Test
  void impliedTagsAreFollowedTransitively() {
    // Kymriah -> tisagenlecleucel -> car-t -> immunotherapy
    assertEquals(List.of("immunotherapy", "car-t", "tisagenlecleucel"), tags("Kymriah"));
  }

  @Test
  void headingAboveGivesItsTagToTheText() {
    String text = "Loss of appetite and fatigue are common.";
    assertEquals(List.of(), tags(text));
    assertEquals(List.of("side-effects"), tagger.tags(text, List.of("Side effects3"), null, null));
  }

  @Test
  void titleCountsAsAHeading() {
    assertEquals(List.of("all"), tagger.tags("Rest when you can.", List.of(), "Treatment for ALL", null));
  }

  @Test
  void wordsMatchAtWordStartsEvenWhenGluedToTheNextWord() {
    assertEquals(List.of("targeted-therapy", "revumenib"), tags("Revumenibis a menin inhibitor"));
  }

  @Test
  void wordsDoNotMatchInsideAnotherWord() {
    assertEquals(List.of(), tags("ALLergic reactions"));
    assertEquals(List.of(), tags("Some supertests and protests."));
  }

  @Test
  void setAsideTagsAreNeverGivenFromWords() {
    List<String> found = tags("Medical disclaimer. References. Reviewers. Reviewer notes. Disclaimer.");
    assertTrue(found.stream().noneMatch(config.tags().setAsideTags()::contains), found.toString());
  }

  @Test
  void setAsideTagWithAPatternIsStillNotGivenFromWords() {
    TagDefinition disclaimer = new TagDefinition(
        "disclaimer", "Disclaimer", "set-aside", List.of(Pattern.compile("disclaimer")),
        List.of(), List.of(), List.of());
    TagDefinition nausea = new TagDefinition(
        "nausea", "Nausea", "topic", List.of(Pattern.compile("nausea")), List.of(), List.of(), List.of());
    Tagger own = new Tagger(new TagVocabulary(List.of(
        new TagGroup("topic", "Topic", List.of(nausea)),
        new TagGroup(TagVocabulary.SET_ASIDE_GROUP, "Set aside", List.of(disclaimer)))));
    assertEquals(List.of("nausea"), own.tags("nausea disclaimer", List.of("disclaimer"), "disclaimer", null));
    assertEquals(List.of("nausea", "disclaimer"), own.tags("nausea", List.of(), null, "disclaimer"));
  }

  @Test
  void setAsideTagComesFromTheChromeRule() {
    assertEquals(List.of("references"), tagger.tags("Smith J. 2018.", List.of(), null, "references"));
  }

  @Test
  void tagsComeBackInVocabularyOrder() {
    assertEquals(
        List.of("all", "chemotherapy", "steroids", "targeted-therapy", "imatinib", "dexamethasone"),
        tags("Dexamethasone with imatinib after chemotherapy for ALL."));
  }

  @Test
  void realPassagesListTheirTagsInVocabularyOrder() {
    List<String> order = config.tags().all().stream().map(TagDefinition::id).toList();
    Ingest ingest = new Ingest(config);
    for (SourceDocument d : new CorpusReader().read(TestSupport.corpus()).documents()) {
      for (Passage p : ingest.passages(d)) {
        List<Integer> positions = p.tags().stream().map(order::indexOf).toList();
        assertFalse(positions.contains(-1), p.id() + " " + p.tags());
        assertEquals(positions.stream().sorted().toList(), positions, p.id() + " " + p.tags());
      }
    }
  }

  @Test
  void knowAllBlinatumomabPassageIsTaggedBlinatumomabAndImmunotherapy() {
    SourceDocument knowAll = new CorpusReader().read(TestSupport.corpus()).documents().stream()
        .filter(d -> d.id().equals("knowall-all-treatment"))
        .findFirst()
        .orElseThrow();
    Passage p = new Ingest(config).passages(knowAll).stream()
        .filter(x -> x.headings().equals(List.of("Blinatumomab")))
        .findFirst()
        .orElseThrow();
    assertTrue(p.tags().containsAll(List.of("blinatumomab", "immunotherapy")), p.tags().toString());
  }

  private static Passage passage(int ordinal, String... tags) {
    return new Passage("d/" + ordinal, "d", ordinal, List.of(), "words", 0, 5, List.of(tags), List.of(), List.of(), false);
  }

  @Test
  void aPassageThatNamesNoDiseaseInheritsTheOneItsDocumentIsAbout() {
    List<Passage> out = tagger.passDown(List.of(
        passage(1, "all", "chemotherapy"), passage(2, "all"), passage(3, "maintenance"), passage(4, "aml"),
        passage(5, "all")));
    assertEquals(List.of("all", "maintenance"), out.get(2).tags());
    assertEquals(List.of(new InheritedTag("all",
        "the document is about it: 3 of its 5 passages carry the tag, and this passage names no disease")),
        out.get(2).inherited());
    // One that names another disease keeps its own; those that name it already have nothing passed down.
    assertEquals(List.of("aml"), out.get(3).tags());
    assertEquals(List.of(), out.get(0).inherited());
  }

  @Test
  void aDocumentAboutNoDiseaseInParticularPassesNoneDown() {
    // Half is not more than half: a page on two leukaemias is about neither alone.
    List<Passage> out = tagger.passDown(List.of(
        passage(1, "all"), passage(2, "aml"), passage(3, "chemotherapy"), passage(4, "all")));
    assertEquals(List.of("chemotherapy"), out.get(2).tags());
    assertEquals(List.of(), out.get(2).inherited());
  }

  @Test
  void setAsidePassagesNeitherCountNorInherit() {
    List<Passage> out = tagger.passDown(List.of(
        passage(1, "cml"), passage(2, "steroids"), passage(3, "references"), passage(4, "disclaimer"),
        passage(5, "references")));
    // The CML passage is one of two that count: not more than half.
    assertEquals(List.of("steroids"), out.get(1).tags());
    List<Passage> more = tagger.passDown(List.of(passage(1, "cml"), passage(2, "cml"), passage(3, "references")));
    assertEquals(List.of("references"), more.get(2).tags());
  }

  @Test
  void onlyGroupsThatSayInheritPassTheirTagsDown() {
    List<Passage> out = tagger.passDown(List.of(passage(1, "chemotherapy"), passage(2, "chemotherapy"), passage(3)));
    assertEquals(List.of(), out.get(2).tags());
  }

  /** Know ALL's sections on the phases and the Philadelphia chromosome say "leukemia" on a page about ALL. */
  @Test
  void theSeedPagesAboutAllPassItDownAndThePageAboutEveryLeukaemiaDoesNot() {
    Ingest ingest = new Ingest(config);
    for (SourceDocument d : new CorpusReader().read(TestSupport.corpus()).documents()) {
      for (Passage p : ingest.passages(d)) {
        boolean aside = p.tags().stream().anyMatch(config.tags().setAsideTags()::contains);
        if (d.id().equals("knowall-all-treatment") && !aside && !p.tags().contains("cns")) {
          assertTrue(p.tags().contains("all"), p.id() + " " + p.tags());
        }
        if (d.id().startsWith("cancerfax")) {
          assertEquals(List.of(), p.inherited(), p.id());
        }
      }
    }
    Passage maintenance = ingest.passages(new CorpusReader().read(TestSupport.corpus()).documents().stream()
        .filter(d -> d.id().equals("knowall-all-treatment")).findFirst().orElseThrow()).stream()
        .filter(p -> p.text().startsWith("Maintenance is a less intense treatment phase")).findFirst().orElseThrow();
    assertEquals(List.of("all"), maintenance.inherited().stream().map(InheritedTag::tag).toList());
  }
}
