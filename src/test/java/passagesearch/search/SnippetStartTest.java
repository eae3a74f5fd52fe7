package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

/** A snippet's sentences start at a word, over a real index of the seed corpus: what a reader sees first. */
class SnippetStartTest {
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

  @Test
  void aWordStartIsTheFirstLetterOrDigitWithTheBracketOrQuoteThatOpensIt() {
    assertEquals(4, SnippetStart.atWord(".\n• consolidation", 0, 17));
    assertEquals(2, SnippetStart.atWord(". (ALL) is", 0, 10));
    assertEquals(2, SnippetStart.atWord("– “Maintenance”", 0, 15));
    assertEquals(0, SnippetStart.atWord("Maintenance", 0, 11));
    assertEquals(0, SnippetStart.atWord(". • …", 0, 5), "nothing to start at: left as it was");
    assertEquals(1, SnippetStart.atWord("..x", 1, 2), "never past the limit (the first match)");
  }

  @Test
  void aSentenceAfterAListItemStartsAtItsWordNotAtTheFullStopAndBulletLeftBeforeIt() {
    SearchHit hit = search.search(new SearchRequest("maintenance", 10, 0, List.of(), List.of(), false)).hits().stream()
        .filter(h -> h.id().equals("macmillan-all-treatment/8"))
        .findFirst()
        .orElseThrow();
    assertEquals("""
        consolidation (or intensification) treatment – to get rid of any remaining leukaemia cells in areas such as the brain or spinal cord
        • <mark>Maintenance</mark> phase – to reduce the risk of leukaemia coming back. This is also called <mark>maintenance</mark> therapy.""",
        hit.snippet());
    assertTrue(hit.text().contains("bone marrow.\n• consolidation (or intensification)"), "the source's words are as they were");
  }

  @Test
  void noSnippetOfASeedQueryStartsWithPunctuationOrABullet() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> wrong = new ArrayList<>();
    int sentences = 0;
    for (String line : Files.readAllLines(TestSupport.root().resolve("eval/seed/queries.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      String query = json.readTree(line).get("query").asText();
      for (SearchHit hit : search.search(new SearchRequest(query, 10, 0, List.of(), List.of(), false)).hits()) {
        String text = Snippets.escape(hit.text());
        for (String sentence : hit.snippet().split(" … ")) {
          sentences++;
          if (!sentence.isEmpty() && !startsAtWord(sentence)) {
            wrong.add(query + " / " + hit.id() + ": " + sentence);
          }
          assertTrue(text.contains(sentence.replace("<mark>", "").replace("</mark>", "")),
              "the source's words, only where they start moved: " + sentence);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertTrue(sentences > 600, "sentences looked at: " + sentences);
  }

  private static boolean startsAtWord(String sentence) {
    String plain = sentence.startsWith("<mark>") ? sentence.substring(6) : sentence;
    int first = plain.codePointAt(0);
    return Character.isLetterOrDigit(first) || plain.startsWith("(") || plain.startsWith("“") || plain.startsWith("&quot;");
  }
}
