package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;

class TagSnippetTest {
  private final TagSnippet snippets = new TagSnippet(TestSupport.loadConfig().tags(), 320);

  @Test
  void theSentenceWhereTheTagsWordsStandWithThemMarked() {
    assertEquals(Optional.of("Headaches &amp; fever are <mark>side effects</mark>; so is <mark>hair loss</mark>."),
        snippets.around("Blinatumomab is an antibody. Headaches & fever are side effects; so is hair loss. Ask.",
            List.of("side-effects")));
  }

  @Test
  void aDrugsNameEarnsItsClass() {
    assertEquals(Optional.of("<mark>Rituximab</mark> is given with chemotherapy."),
        snippets.around("Rituximab is given with chemotherapy.", List.of("immunotherapy")));
  }

  @Test
  void nothingWhenTheWordsAreNotInTheText() {
    assertEquals(Optional.empty(), snippets.around("Rest when you can.", List.of("side-effects")));
    assertEquals(Optional.empty(), snippets.around("Rest when you can.", List.of()));
  }

  @Test
  void aLongSentenceIsCutAtWordsAroundTheWords() {
    String text = "word ".repeat(200) + "with nausea " + "word ".repeat(200) + "end.";
    String s = snippets.around(text, List.of("side-effects")).orElseThrow();
    assertEquals(true, s.length() <= 320 + "<mark></mark>".length(), s);
    assertEquals(true, s.contains("with <mark>nausea</mark> word"), s);
    assertEquals(true, s.startsWith("word ") && s.endsWith("word"), s);
  }
}
