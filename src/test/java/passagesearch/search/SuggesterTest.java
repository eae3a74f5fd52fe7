package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.index.OpenIndex;

/** Completions over a real index of the seed corpus. */
class SuggesterTest {
  @TempDir static Path tmp;
  static IndexConfig config;
  static OpenIndex index;

  @BeforeAll
  static void build() {
    config = TestSupport.loadConfig();
    index = TestSupport.seedIndex(tmp.resolve("index"), config);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static Suggester suggester(List<String> headings) {
    return new Suggester(config.tags(), headings, index.searcher().getIndexReader());
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
