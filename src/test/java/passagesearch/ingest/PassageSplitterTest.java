package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;
import passagesearch.config.BoilerplateRules;
import passagesearch.config.IndexConfig;
import passagesearch.config.SplitSettings;

class PassageSplitterTest {
  private static final String CANADIAN = "canadian-cancer-society-all-treatments";
  private static final String CANCERFAX = "cancerfax-leukemia-treatment-options";
  private static final String KNOWALL = "knowall-all-treatment";
  private static final String MACMILLAN = "macmillan-all-treatment";
  private static final String SUMMARY = "reviewed-summary-all-treatment";
  private static final Set<String> SET_ASIDE = Set.of("disclaimer", "references", "reviewer-notes");

  private static IndexConfig config;
  private static Map<String, SourceDocument> documents;
  private static Map<String, List<Passage>> passages;

  @BeforeAll
  static void ingestRealCorpus() {
    config = TestSupport.loadConfig();
    Ingest ingest = new Ingest(config);
    documents = new LinkedHashMap<>();
    passages = new LinkedHashMap<>();
    for (SourceDocument d : new CorpusReader().read(TestSupport.corpus()).documents()) {
      documents.put(d.id(), d);
      passages.put(d.id(), ingest.passages(d));
    }
  }

  private static List<Passage> all() {
    return passages.values().stream().flatMap(List::stream).toList();
  }

  private static Passage startingWith(String docId, String prefix) {
    List<Passage> found = passages.get(docId).stream().filter(p -> p.text().startsWith(prefix)).toList();
    assertEquals(1, found.size(), () -> "passages of " + docId + " starting with: " + prefix);
    return found.get(0);
  }

  private static List<Passage> containing(String docId, String fragment) {
    return passages.get(docId).stream().filter(p -> p.text().contains(fragment)).toList();
  }

  private static List<String> ids(String docId, Predicate<Passage> filter) {
    return passages.get(docId).stream().filter(filter).map(Passage::id).toList();
  }

  private static List<PassageSplitter.Draft> drafts(String text) {
    return new PassageSplitter(SplitSettings.defaults(), BoilerplateRules.none()).split(text);
  }

  private static List<String> texts(String text) {
    return texts(text, SplitSettings.defaults(), BoilerplateRules.none());
  }

  private static List<String> texts(String text, SplitSettings settings, BoilerplateRules rules) {
    return new PassageSplitter(settings, rules)
        .split(text).stream()
        .map(d -> Text.normalise(text.substring(d.start(), d.end())))
        .toList();
  }

  // ---- the real corpus ----

  @Test
  void readsAllFiveDocuments() {
    assertEquals(List.of(CANADIAN, CANCERFAX, KNOWALL, MACMILLAN, SUMMARY), List.copyOf(passages.keySet()));
  }

  @Test
  void passageTextIsTheNormalisedSourceBetweenItsOffsets() {
    for (Map.Entry<String, List<Passage>> e : passages.entrySet()) {
      String source = documents.get(e.getKey()).text();
      for (Passage p : e.getValue()) {
        assertTrue(0 <= p.start() && p.start() < p.end() && p.end() <= source.length(), p.id());
        assertEquals(Text.normalise(source.substring(p.start(), p.end())), p.text(), p.id());
      }
    }
  }

  @Test
  void offsetsStartAndEndOnNonSpaceCharacters() {
    for (Passage p : all()) {
      String source = documents.get(p.documentId()).text();
      assertFalse(Character.isWhitespace(source.charAt(p.start())), p.id());
      assertFalse(Character.isWhitespace(source.charAt(p.end() - 1)), p.id());
    }
  }

  @Test
  void offsetsDoNotStartOrEndOnANoBreakSpace() {
    // knowall "...killing them.\u00a0", macmillan "...maintenance therapy.\u00a0", "...v69-v82.\u00a0"
    for (Passage p : all()) {
      String source = documents.get(p.documentId()).text();
      assertFalse(Character.isSpaceChar(source.charAt(p.start())), p.id());
      assertFalse(Character.isSpaceChar(source.charAt(p.end() - 1)), p.id());
    }
  }

  @Test
  void passageLinesDoNotStartOrEndInNoBreakSpaces() {
    for (Passage p : all()) {
      p.text().lines().forEach(l -> assertFalse(l.startsWith("\u00a0") || l.endsWith("\u00a0"), p.id() + ": " + l));
    }
  }

  @Test
  void passagesOfOneDocumentDoNotOverlapAndComeInSourceOrder() {
    for (List<Passage> list : passages.values()) {
      for (int i = 1; i < list.size(); i++) {
        assertTrue(list.get(i - 1).end() <= list.get(i).start(), list.get(i).id());
      }
    }
  }

  @Test
  void idsAreDocumentIdAndOrdinalInOrder() {
    for (Map.Entry<String, List<Passage>> e : passages.entrySet()) {
      List<Passage> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        Passage p = list.get(i);
        assertEquals(i + 1, p.ordinal());
        assertEquals(e.getKey(), p.documentId());
        assertEquals(e.getKey() + "/" + (i + 1), p.id());
      }
    }
  }

  @Test
  void passageCountsPerDocument() {
    // Observed with the seed corpus and index-config as they stand; a change to the splitter, the
    // chrome rules or the corpus shows here first.
    //   canadian 20: 3 intro + 2 "Response to treatment" + 2 references + 11 one-paragraph
    //                sections + 2 disclaimer
    //   cancerfax 10: 8 content (CNS section gives 2) + "✓ Reviewed" line + disclaimer
    //   knowall 19: 18 content + 1 references
    //   macmillan 23: 21 content + references + reviewers
    //   summary 5: 4 paragraphs (the repeated opening skipped) + the disclaimer line
    Map<String, Integer> counts = new LinkedHashMap<>();
    passages.forEach((id, list) -> counts.put(id, list.size()));
    assertEquals(
        Map.of(CANADIAN, 20, CANCERFAX, 10, KNOWALL, 19, MACMILLAN, 23, SUMMARY, 5), counts);
  }

  @Test
  void blinatumomabPassageIsHeadedBlinatumomab() {
    Passage p = startingWith(KNOWALL, "Blinatumomab is a special antibody");
    assertEquals(List.of("Blinatumomab"), p.headings());
    assertEquals("Blinatumomab", p.section());
  }

  @Test
  void bulletLineHeadingAnIndentedBodyIsASecondLevelHeading() {
    Passage p = startingWith(MACMILLAN, "You almost always have steroids");
    assertEquals(List.of("How acute lymphoblastic leukaemia (ALL) is treated", "Steroids"), p.headings());
  }

  @Test
  void textAfterAnIndentedBulletSectionLeavesTheBulletHeading() {
    Passage p = startingWith(MACMILLAN, "If there is a suitable clinical trial");
    assertEquals(List.of("How acute lymphoblastic leukaemia (ALL) is treated"), p.headings());
  }

  @Test
  void numberedLineHeadingAParagraphIsASecondLevelHeading() {
    Passage p = startingWith(KNOWALL, "May last 1 or 2 months. The aim of the induction phase");
    assertEquals(List.of("Phases of treatment", "1. Induction phase with high doses of therapy"), p.headings());
  }

  @Test
  void documentWithoutHeadingsGivesEmptyHeadings() {
    for (Passage p : passages.get(SUMMARY)) {
      assertEquals(List.of(), p.headings(), p.id());
      assertNull(p.section());
    }
  }

  @Test
  void listStaysWithItsIntroducingSentence() {
    Passage p = startingWith(CANADIAN, "Your healthcare team will create");
    assertTrue(p.text().contains("your healthcare team will consider:\n• your age\n"), p.text());
    assertTrue(p.text().contains("• how the cancer responds to treatment"), p.text());
    assertTrue(p.text().endsWith("(called the central nervous system, or CNS)"), p.text());
  }

  @Test
  void listsUnderOtherHeadingsStayWithTheirIntroductions() {
    assertTrue(startingWith(MACMILLAN, "You almost always have steroids").text()
        .contains("Steroids can:\n• destroy leukaemia cells\n• make chemotherapy more effective"));
    assertTrue(startingWith(KNOWALL, "These types of treatment target").text().endsWith(
        "tyrosine kinase inhibitors such as3:\n• Imatinib\n• Dasatinib\n• Ponatinib\n• Nilotinib\n• Bosutinib"));
  }

  @Test
  void chromeNeverAppearsInAnyPassage() {
    List<String> chrome = List.of(
        "Translate",
        "Sign up to the newsletter",
        "Share this page",
        "1-888-939-3333",
        "verified_user",
        "support_agent",
        "About UsUnderstanding",
        "Medical Record Review",
        "Travel & Admission Support",
        "End-to-end Coordination",
        "distinguished researcher",
        "Susan HauWritten",
        "Trusted Information Creator",
        "We understand that having treatment can be a difficult time",
        "We also have more information about",
        "Updated March 20, 2025",
        "Last medical review",
        "Hear from Jaymz",
        "We use gender-inclusive language",
        "Next review: 01 March 2025",
        "Short answer ·");
    for (Passage p : all()) {
      for (String c : chrome) {
        assertFalse(p.text().contains(c), () -> p.id() + " contains chrome: " + c);
      }
    }
  }

  @Test
  void tableOfContentsIsDropped() {
    assertEquals(List.of(), containing(CANCERFAX, "AML treatment (non-M3)"));
    assertEquals(List.of(), containing(CANCERFAX, "How CancerFax Helps"));
  }

  @Test
  void canadianDisclaimerPassagesAreSetAsideAsDisclaimer() {
    List<Passage> disclaimer =
        passages.get(CANADIAN).stream().filter(p -> p.headings().equals(List.of("Medical disclaimer"))).toList();
    assertEquals(2, disclaimer.size());
    disclaimer.forEach(p -> assertTrue(p.tags().contains("disclaimer"), p.id()));
  }

  @Test
  void knowAllReferencesAreSetAsideAsReferences() {
    Passage p = startingWith(KNOWALL, "1. Cancer Research UK. About chemotherapy for ALL.");
    assertEquals(List.of("References"), p.headings());
    assertTrue(p.tags().contains("references"), p.tags().toString());
    assertTrue(p.text().endsWith("Published Sep 30, 2019. Accessed Mar 20, 2025."), p.text());
  }

  @Test
  void summaryDisclaimerLineIsSetAsideAsDisclaimer() {
    Passage p = startingWith(SUMMARY, "Medical disclaimer: This information is for educational purposes only");
    assertTrue(p.tags().contains("disclaimer"), p.tags().toString());
    assertFalse(p.text().contains("Success rates"), p.text());
  }

  @Test
  void cancerFaxReviewLineIsSetAsideAsReviewerNotes() {
    Passage p = startingWith(CANCERFAX, "✓ Reviewed for medical accuracy");
    assertEquals("✓ Reviewed for medical accuracy by the CancerFax review panel.", p.text());
    assertEquals(List.of("reviewer-notes"), p.tags());
  }

  @Test
  void macmillanReferencesAndReviewersAreSetAside() {
    assertTrue(startingWith(MACMILLAN, "Below is a sample of the sources").tags().contains("references"));
    assertTrue(startingWith(MACMILLAN, "This information has been written").tags().contains("reviewer-notes"));
  }

  @Test
  void exactlyTheExpectedPassagesAreSetAside() {
    Predicate<Passage> aside = p -> p.tags().stream().anyMatch(SET_ASIDE::contains);
    assertAll(
        () -> assertEquals(
            List.of(CANADIAN + "/6", CANADIAN + "/7", CANADIAN + "/19", CANADIAN + "/20"), ids(CANADIAN, aside)),
        () -> assertEquals(List.of(CANCERFAX + "/9", CANCERFAX + "/10"), ids(CANCERFAX, aside)),
        () -> assertEquals(List.of(KNOWALL + "/19"), ids(KNOWALL, aside)),
        () -> assertEquals(List.of(MACMILLAN + "/22", MACMILLAN + "/23"), ids(MACMILLAN, aside)),
        () -> assertEquals(List.of(SUMMARY + "/5"), ids(SUMMARY, aside)));
  }

  @Test
  void aPassageHasAtMostOneSetAsideTag() {
    for (Passage p : all()) {
      assertTrue(p.tags().stream().filter(SET_ASIDE::contains).count() <= 1, p.id());
    }
  }

  @Test
  void repeatedOpeningOfTheSummaryIsIndexedOnce() {
    assertEquals(1, containing(SUMMARY, "Treatment for Acute lymphocytic leukemia (ALL) is highly personalized").size());
    assertEquals(1, containing(SUMMARY, "First-line treatment for Acute lymphocytic leukemia (ALL) is divided").size());
  }

  @Test
  void questionInTheRepeatedOpeningIsInNoPassage() {
    assertEquals(List.of(), containing(SUMMARY, "What are the standard first-line treatments"));
  }

  @Test
  void noPassageContainsAHeadingLineOfItsOwnDocument() {
    for (List<Passage> list : passages.values()) {
      Set<String> headings = list.stream().flatMap(p -> p.headings().stream()).collect(Collectors.toSet());
      for (Passage p : list) {
        p.text().lines().forEach(l -> assertFalse(headings.contains(l), () -> p.id() + " holds heading " + l));
      }
    }
  }

  @Test
  void headingsOfTheRealDocumentsAreFound() {
    Set<String> knowAll =
        passages.get(KNOWALL).stream().flatMap(p -> p.headings().stream()).collect(Collectors.toSet());
    assertTrue(knowAll.containsAll(List.of(
        "Treatment", "Chemotherapy", "Phases of treatment", "3. Maintenance", "Targeted treatment",
        "Immunotherapy", "Inotuzumab ozogamicin", "Side effects3", "References")), knowAll.toString());
  }

  @Test
  void contentPassagesStayWithinTheMaximumUnlessOneSentence() {
    int max = config.split().maxWords();
    for (Passage p : all()) {
      if (p.tags().stream().noneMatch(SET_ASIDE::contains) && Text.words(p.text()) > max) {
        assertTrue(
            p.text().lines().count() == 1 && Text.sentenceEnds(p.text()).size() == 1,
            () -> p.id() + " has " + Text.words(p.text()) + " words");
      }
    }
  }

  // ---- small inline texts ----

  @Test
  void sameParagraphUnderTwoHeadingsIsIndexedOnce() {
    String text = """
        First heading

        Keep a diary of your symptoms and share it with your care team.

        Second heading

        Keep a diary of your symptoms and share it with your care team.
        """;
    List<PassageSplitter.Draft> drafts = drafts(text);
    assertEquals(1, drafts.size());
    assertEquals(List.of("Second heading"), drafts.get(0).headings()); // the later copy is kept
  }

  @Test
  void identicalShortParagraphRepeatedIsIndexedOnce() {
    // Sentences under repeatMinWords never count as repeats, so only the exact-duplicate check applies.
    String text = """
        Morning

        Rest. Eat well. Drink water.

        Evening

        Rest. Eat well. Drink water.
        """;
    assertEquals(List.of("Rest. Eat well. Drink water."), texts(text));
  }

  @Test
  void paragraphRepeatedInDroppedChromeIsStillIndexed() {
    String text = """
        Treatment

        Keep a diary of your symptoms and share it with your care team.

        In this section

        Keep a diary of your symptoms and share it with your care team.
        """;
    assertEquals(
        List.of("Keep a diary of your symptoms and share it with your care team."),
        texts(text, SplitSettings.defaults(), config.boilerplate()));
  }

  @Test
  void longParagraphSplitsAtSentenceEndsIntoNearEqualParts() {
    // 20 distinct sentences of 10 words: 200 words, so two parts of 100.
    String paragraph = IntStream.rangeClosed(1, 20)
        .mapToObj(i -> "This is sentence number " + i + " of a long test paragraph.")
        .collect(Collectors.joining(" "));
    List<String> parts = texts("Heading\n\n" + paragraph + "\n");
    assertEquals(2, parts.size());
    assertEquals(List.of(100, 100), parts.stream().map(Text::words).toList());
    assertTrue(parts.get(0).endsWith("number 10 of a long test paragraph."), parts.get(0));
    assertTrue(parts.get(1).startsWith("This is sentence number 11 "), parts.get(1));
    assertEquals(paragraph, parts.get(0) + " " + parts.get(1));
  }

  @Test
  void unevenLongParagraphSplitsIntoPartsWithinTheMaximum() {
    // 31 sentences of 10 words: 310 words, so three parts, none over 150.
    String paragraph = IntStream.rangeClosed(1, 31)
        .mapToObj(i -> "This is sentence number " + i + " of a long test paragraph.")
        .collect(Collectors.joining(" "));
    List<Integer> sizes = texts(paragraph).stream().map(Text::words).toList();
    assertEquals(3, sizes.size());
    assertEquals(310, sizes.stream().mapToInt(Integer::intValue).sum());
    assertTrue(sizes.stream().allMatch(s -> s >= 90 && s <= 150), sizes.toString());
  }

  @Test
  void twoTinyParagraphsUnderOneHeadingAreMerged() {
    String text = "Care at home\n\nRest when you can.\n\nDrink plenty of water.\n";
    List<PassageSplitter.Draft> drafts = drafts(text);
    assertEquals(1, drafts.size());
    assertEquals(List.of("Care at home"), drafts.get(0).headings());
    assertEquals("Rest when you can.\nDrink plenty of water.", texts(text).get(0));
  }

  @Test
  void tinyParagraphsUnderDifferentHeadingsAreNotMerged() {
    String text = "Care at home\n\nRest when you can.\n\nCare in hospital\n\nAsk the nurse for help.\n";
    assertEquals(List.of("Rest when you can.", "Ask the nurse for help."), texts(text));
  }

  @Test
  void headingWithoutBodyBecomesPartOfTheHeadingPathOfWhatFollows() {
    String text = "Phases of treatment\n\n1. Induction phase\n\nMay last 1 or 2 months.\n";
    List<PassageSplitter.Draft> drafts = drafts(text);
    assertEquals(1, drafts.size());
    assertEquals(List.of("Phases of treatment", "1. Induction phase"), drafts.get(0).headings());
    assertEquals("May last 1 or 2 months.", texts(text).get(0));
  }

  @Test
  void lineEndingInSentencePunctuationIsNotAHeading() {
    String text = "Treatment options include:\n\nRest when you can.\n";
    List<PassageSplitter.Draft> drafts = drafts(text);
    assertEquals(List.of(), drafts.get(0).headings());
    assertEquals(List.of("Treatment options include:\nRest when you can."), texts(text));
  }

  @Test
  void noRulesMeansNothingIsDroppedOrSetAside() {
    String text = "Translate\n\nMedical disclaimer: this is not advice.\n";
    List<PassageSplitter.Draft> drafts = drafts(text);
    assertEquals(1, drafts.size());
    assertEquals(List.of("Translate"), drafts.get(0).headings());
    assertNull(drafts.get(0).asideTag());
  }

  @Test
  void draftsCoverEveryContentLineOfASmallText() {
    String text = "Care\n\nRest when you can.\n  • sleep\n  • eat\n\nAsk the nurse.\n";
    List<String> lines = new ArrayList<>();
    texts(text).forEach(t -> lines.addAll(t.lines().toList()));
    assertEquals(List.of("Rest when you can.", "• sleep", "• eat", "Ask the nurse."), lines);
    assertEquals(new HashSet<>(lines).size(), lines.size());
  }
}
