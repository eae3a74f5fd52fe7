package passagesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;

class TagVocabularyTest {
  /**
   * Over random sets of the project's tags (and an unknown id), the tags with those they imply are exactly
   * the vocabulary's tags that are given or implied ({@link TagVocabulary#impliedBy}), in vocabulary order.
   */
  @Test
  void withImpliedIsTheGivenAndTheImpliedInVocabularyOrder() {
    TagVocabulary tags = TestSupport.loadConfig().tags();
    List<String> ids = new ArrayList<>(tags.all().stream().map(TagDefinition::id).toList());
    ids.add("no-such-tag");
    Random random = new Random(14);
    int implied = 0;
    for (int n = 0; n < 2000; n++) {
      Set<String> given = new LinkedHashSet<>();
      for (int i = random.nextInt(5); i >= 0; i--) {
        given.add(ids.get(random.nextInt(ids.size())));
      }
      Set<String> all = new LinkedHashSet<>(given);
      all.addAll(tags.impliedBy(given));
      List<String> expected = tags.all().stream().map(TagDefinition::id).filter(all::contains).toList();
      assertEquals(expected, tags.withImplied(given), given.toString());
      implied += expected.size() - given.size();
    }
    assertTrue(implied > 100, "some tags imply others: " + implied);
  }

  @Test
  void aTagThatImpliesAnotherBringsItAlong() {
    TagDefinition a = new TagDefinition("a", "A", "g", List.of(), List.of(), List.of(), List.of("c"), List.of());
    TagDefinition b = new TagDefinition("b", "B", "g", List.of(), List.of(), List.of(), List.of(), List.of());
    TagDefinition c = new TagDefinition("c", "C", "g", List.of(), List.of(), List.of(), List.of("a"), List.of());
    TagVocabulary tags = new TagVocabulary(List.of(new TagGroup("g", "G", List.of(a, b, c))));
    assertEquals(List.of("a", "c"), tags.withImplied(List.of("c")));
    assertEquals(List.of("a", "b", "c"), tags.withImplied(List.of("b", "a")));
    assertEquals(List.of(), tags.withImplied(List.of("z")));
  }
}
