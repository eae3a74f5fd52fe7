package passagesearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagGroup;
import passagesearch.config.TagVocabulary;

/**
 * Gives a passage the tags whose patterns occur in its words or in the headings above it (the document
 * title counts as one), then the tags those imply. Set-aside tags come only from the chrome rules.
 *
 * <p>Then, once a document's passages are all tagged, what the whole document is about is passed down
 * ({@link #passDown}): a page about one leukaemia says "leukaemia" in most sections, and a section that does
 * not name the disease is still about it.
 */
public final class Tagger {
  private final TagVocabulary vocabulary;

  public Tagger(TagVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** Both tag lists of a passage: all it carries ({@link #tags}) and those its own words earn ({@link #tagsInText}). */
  public record Tags(List<String> all, List<String> inText) {}

  public List<String> tags(String text, List<String> headings, String title, String asideTag) {
    return tags(text, headings, title, asideTag, new HashMap<>()).all();
  }

  /**
   * Both lists at once, the passage's words matched once (matching was a sixth of a build, and each list
   * matched them). {@code headingMatches} keeps, for one document, the tags each list of headings matched
   * with its title: a document's passages share the title and mostly their headings, so those are matched once.
   */
  public Tags tags(String text, List<String> headings, String title, String asideTag,
      Map<List<String>, List<String>> headingMatches) {
    List<String> own = vocabulary.matching(text);
    Set<String> found = new LinkedHashSet<>(own);
    found.addAll(headingMatches.computeIfAbsent(headings,
        h -> vocabulary.matching(String.join("\n", h) + "\n" + (title == null ? "" : title))));
    if (asideTag != null) {
      found.add(asideTag);
    }
    return new Tags(inVocabularyOrder(found), inVocabularyOrder(own));
  }

  /**
   * The tags a passage's own words earn, without its headings and title: those a query may find it by alone,
   * since its snippet can show the words that earned them.
   */
  public List<String> tagsInText(String text) {
    return inVocabularyOrder(vocabulary.matching(text));
  }

  /**
   * A document's passages with the tags of its inheriting groups ({@code inherit} in tags.yaml) passed down:
   * a tag carried by more than the group's share of the document's passages (set-aside ones not counted) is
   * what the document is about, and each passage that names no tag of that group gets it, with the reason.
   * A passage that names another disease keeps its own; set-aside passages get nothing.
   */
  public List<Passage> passDown(List<Passage> document) {
    Set<String> aside = vocabulary.setAsideTags();
    List<Passage> counted = document.stream().filter(p -> p.tags().stream().noneMatch(aside::contains)).toList();
    List<Passage> out = new ArrayList<>(document);
    for (TagGroup group : vocabulary.groups()) {
      if (group.inherit() == null || counted.size() < 2) {
        continue;
      }
      List<InheritedTag> about = new ArrayList<>();
      for (TagDefinition t : group.tags()) {
        long carrying = counted.stream().filter(p -> p.tags().contains(t.id())).count();
        if (carrying > group.inherit().share() * counted.size()) {
          about.add(new InheritedTag(t.id(), String.format(Locale.ROOT,
              "the document is about it: %d of its %d passages carry the tag, and this passage names no %s",
              carrying, counted.size(), group.label().toLowerCase(Locale.ROOT))));
        }
      }
      if (about.isEmpty()) {
        continue;
      }
      for (int i = 0; i < out.size(); i++) {
        Passage p = out.get(i);
        boolean namesTheKind = group.tags().stream().anyMatch(t -> p.tags().contains(t.id()));
        if (!namesTheKind && p.tags().stream().noneMatch(aside::contains)) {
          Set<String> all = new LinkedHashSet<>(p.tags());
          about.forEach(a -> all.add(a.tag()));
          List<InheritedTag> why = new ArrayList<>(p.inherited());
          why.addAll(about);
          out.set(i, p.inheriting(inVocabularyOrder(all), why));
        }
      }
    }
    return out;
  }

  /** The tags with those they imply, in vocabulary order, so the same passage always lists its tags the same way. */
  private List<String> inVocabularyOrder(java.util.Collection<String> found) {
    return vocabulary.withImplied(found);
  }
}
