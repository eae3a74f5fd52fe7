package passagesearch.search;

import java.util.List;
import passagesearch.config.TagVocabulary;

/** Finds the tags a query names (with the same patterns that tag passages) and the tags they imply. */
final class TagRecognizer {
  private final TagVocabulary vocabulary;

  TagRecognizer(TagVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  record Recognized(List<String> named, List<String> implied) {}

  Recognized recognize(String query) {
    List<String> named = vocabulary.matching(query);
    return new Recognized(named, vocabulary.impliedBy(named));
  }
}
