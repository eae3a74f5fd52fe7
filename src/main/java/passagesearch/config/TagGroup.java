package passagesearch.config;

import java.util.List;

/**
 * A group of tags (disease, treatment, ...), in vocabulary order.
 *
 * @param inherit how passages take the group's tags from their document; null when they never do
 */
public record TagGroup(String id, String label, List<TagDefinition> tags, TagInheritance inherit) {
  public TagGroup {
    tags = List.copyOf(tags);
  }

  /** A group whose tags come only from a passage's own words and headings. */
  public TagGroup(String id, String label, List<TagDefinition> tags) {
    this(id, label, tags, null);
  }
}
