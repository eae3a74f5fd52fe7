package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;

/** Marking a named tag's words in a snippet that matched by the tag alone. */
class TagRecognizerTest {
  private final TagRecognizer recognizer = new TagRecognizer(TestSupport.loadConfig().tags());

  @Test
  void marksTheFirstPlaceEachNamedTagOccursToTheEndOfItsWord() {
    assertEquals("Most had <mark>chemotherapy</mark> and chemotherapy again.",
        recognizer.markTags("Most had chemotherapy and chemotherapy again.", List.of("chemotherapy")));
    assertEquals("<mark>Anti-CD52</mark> antibodies &amp; <mark>arsenic</mark>.",
        recognizer.markTags("Anti-CD52 antibodies &amp; arsenic.", List.of("alemtuzumab", "arsenic-trioxide")));
  }

  @Test
  void leavesMarkedSnippetsEntitiesAndUnnamedTagsAlone() {
    String marked = "A <mark>transplant</mark> after arsenic.";
    assertEquals(marked, recognizer.markTags(marked, List.of("arsenic-trioxide")));
    assertEquals("Tom &amp; Jerry", recognizer.markTags("Tom &amp; Jerry", List.of("alemtuzumab")));
    assertEquals("arsenic", recognizer.markTags("arsenic", List.of()));
    assertEquals("", recognizer.markTags("", List.of("arsenic-trioxide")));
  }
}
