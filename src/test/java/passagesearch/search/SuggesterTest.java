package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.config.TagDefinition;
import passagesearch.index.Fields;

/** Completions over a real index of the seed corpus. */
class SuggesterTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();

  private static Suggester suggester(List<String> headings) {
    return new Suggester(SEED.config().tags(), headings, SEED.index().searcher().getIndexReader());
  }

  /** The suggester as the service builds it: the vocabulary, the corpus's words and its headings. */
  private static Suggester served() {
    return new Suggester(SEED.config().tags(), new Catalog(SEED.index()).headings(),
        SEED.index().searcher().getIndexReader());
  }

  private static List<String> texts(List<Suggestion> suggestions) {
    return suggestions.stream().map(Suggestion::text).toList();
  }

  @Test
  void aShortPrefixOffersTheDiseasesAndTheWordsPassagesUseBeforeABrandNoneUses() {
    assertEquals(List.of("Acute lymphoblastic leukaemia (ALL)", "Acute myeloid leukaemia (AML)",
            "Acute promyelocytic leukaemia (APL)", "Chronic lymphocytic leukaemia (CLL)", "Chronic myeloid leukaemia (CML)",
            "leukemia", "leukaemia", "leukemic"),
        texts(served().suggest("leuk", 8)));
    List<String> more = texts(served().suggest("leuk", 20));
    assertTrue(more.indexOf("leukaemia") < more.indexOf("Leukeran"), more.toString());
    // The brand ranks among the words by its own use: after the words passages use, before the headings.
    assertEquals(List.of(new Suggestion("leukemia", "term"), new Suggestion("leukemic", "term"),
            new Suggestion("leukemias", "term"), new Suggestion("Leukeran", "drug"),
            new Suggestion("Chemotherapy for acute lymphoblastic leukemia", "heading")),
        served().suggest("leuke", 5));
  }

  @Test
  void everyBrandNoPassageUsesComesAfterTheCorpusWordsItsStartAlsoBegins() throws IOException {
    IndexReader reader = SEED.index().searcher().getIndexReader();
    int checked = 0;
    for (TagDefinition drug : SEED.config().tags().all()) {
      for (String brand : drug.brands()) {
        String word = brand.toLowerCase(Locale.ROOT);
        if (brand.length() < 4 || reader.docFreq(new Term(Fields.WORDS, word)) > 0) {
          continue;
        }
        List<Suggestion> offered = served().suggest(word.substring(0, 4), SuggestRequest.MAX_LIMIT);
        int at = offered.indexOf(new Suggestion(brand, "drug"));
        for (int i = at + 1; i < offered.size(); i++) {
          assertFalse(offered.get(i).kind().equals("term"), brand + " before a word passages use: " + offered);
        }
        checked++;
      }
    }
    assertTrue(checked > 20, "brands checked: " + checked);
  }

  @Test
  void aHeadingThatIsAlsoAWordIsOfferedAsTheWord() {
    assertTrue(new Catalog(SEED.index()).headings().contains("Treatment"));
    assertTrue(served().suggest("treatm", 8).contains(new Suggestion("treatment", "term")));
  }

  @Test
  void aVeryLongHeadingCostsOneKeyPerWordAndOneCopyOfItsText() {
    String[] words = {"induction", "River", "consolidation", "maintenance", "x", "Stem-cell", "quetzalcoatl"};
    StringBuilder text = new StringBuilder();
    int count = 0;
    while (text.length() < 30_000) {
      text.append(words[count % words.length]).append(count % 11 == 0 ? ", " : " ");
      count++;
    }
    text.append("end");
    count++;
    String heading = text.toString();
    assertEquals(30_009, heading.length());
    assertEquals(3_106, count);

    Suggester without = suggester(List.of());
    Suggester with = suggester(List.of(heading));
    // "Stem-cell" is two word starts.
    assertEquals(count + count / words.length, with.keyCount() - without.keyCount());
    assertEquals(heading.length(), with.keyChars() - without.keyChars());
    assertEquals(List.of(new Suggestion(heading, "heading")), with.suggest("quetzalcoatl induct", 8));
    assertEquals(List.of(new Suggestion(heading, "heading")), with.suggest("cell QUETZAL", 8));
    assertEquals(without.suggest("induction", 20), with.suggest("induction", 20).subList(0, without.suggest("induction", 20).size()));
  }

  @Test
  void suggestionsMatchAtAnyWordStartBestKindFirst() {
    Suggester s = suggester(List.of("Cell counts in transplant recovery", "Side effects of blinatumomab"));
    assertEquals(List.of(new Suggestion("Blinatumomab", "drug"), new Suggestion("Blincyto", "drug"),
        new Suggestion("Side effects of blinatumomab", "heading")), s.suggest("blin", 3));
    assertEquals(List.of(new Suggestion("Cell counts in transplant recovery", "heading")), s.suggest("transplant REC", 8));
    assertEquals(List.of(), s.suggest("zzzz", 8));
    assertEquals(List.of(), s.suggest("  ", 8));
    // A prefix longer than the characters keys are ordered by is checked in full.
    String heading = "Stem cell transplant: what happens before, during and after it, week by week, in hospital and at home, and the months after";
    Suggester longer = suggester(List.of(heading));
    String typed = heading.toLowerCase(java.util.Locale.ROOT).substring(0, Suggester.SORTED_CHARS + 2);
    assertEquals(List.of(new Suggestion(heading, "heading")), longer.suggest(typed, 8));
    assertEquals(List.of(), longer.suggest(typed + "x", 8));
  }
}
