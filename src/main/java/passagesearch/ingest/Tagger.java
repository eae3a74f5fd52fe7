package passagesearch.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagVocabulary;

/**
 * Gives a passage the tags whose patterns occur in its words or in the headings above it (the document
 * title counts as one), then the tags those imply. Set-aside tags come only from the chrome rules.
 */
public final class Tagger {
  private final TagVocabulary vocabulary;

  public Tagger(TagVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  public List<String> tags(String text, List<String> headings, String title, String asideTag) {
    String context = String.join("\n", headings) + "\n" + (title == null ? "" : title);
    Set<String> found = new LinkedHashSet<>(vocabulary.matching(text));
    found.addAll(vocabulary.matching(context));
    if (asideTag != null) {
      found.add(asideTag);
    }
    return inVocabularyOrder(found);
  }

  /**
   * The tags a passage's own words earn, without its headings and title: those a query may find it by alone,
   * since its snippet can show the words that earned them.
   */
  public List<String> tagsInText(String text) {
    return inVocabularyOrder(new LinkedHashSet<>(vocabulary.matching(text)));
  }

  /** The tags with those they imply, in vocabulary order, so the same passage always lists its tags the same way. */
  private List<String> inVocabularyOrder(Set<String> found) {
    Set<String> all = new LinkedHashSet<>(found);
    all.addAll(vocabulary.impliedBy(found));
    return vocabulary.all().stream().map(TagDefinition::id).filter(all::contains).toList();
  }
}
