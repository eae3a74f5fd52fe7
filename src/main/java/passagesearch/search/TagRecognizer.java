package passagesearch.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagVocabulary;

/** Finds the tags a query names (with the same patterns that tag passages) and the tags they imply. */
final class TagRecognizer {
  private final TagVocabulary vocabulary;
  private final Map<String, TagDefinition> byId;
  private final Set<String> setAside;

  TagRecognizer(TagVocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.byId = vocabulary.byId();
    this.setAside = vocabulary.setAsideTags();
  }

  record Recognized(List<String> named, List<String> implied) {}

  Recognized recognize(String query) {
    Set<String> named = new LinkedHashSet<>(vocabulary.matching(query));
    Set<String> implied = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(named);
    while (!pending.isEmpty()) {
      for (String next : byId.get(pending.pop()).implies()) {
        if (!named.contains(next) && implied.add(next)) {
          pending.push(next);
        }
      }
    }
    return new Recognized(new ArrayList<>(named), new ArrayList<>(implied));
  }
}
