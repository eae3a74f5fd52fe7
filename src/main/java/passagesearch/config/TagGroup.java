package passagesearch.config;

import java.util.List;

/** A group of tags (disease, treatment, ...), in vocabulary order. */
public record TagGroup(String id, String label, List<TagDefinition> tags) {
  public TagGroup {
    tags = List.copyOf(tags);
  }
}
