package passagesearch.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The tag vocabulary ({@code tags.yaml}): groups of tags, in the order editors wrote them. */
public record TagVocabulary(List<TagGroup> groups) {
  /** The group whose tags mark material that is kept but left out of results unless asked for. */
  public static final String SET_ASIDE_GROUP = "set-aside";

  public TagVocabulary {
    groups = List.copyOf(groups);
  }

  public List<TagDefinition> all() {
    return groups.stream().flatMap(g -> g.tags().stream()).toList();
  }

  public Map<String, TagDefinition> byId() {
    Map<String, TagDefinition> map = new LinkedHashMap<>();
    all().forEach(t -> map.put(t.id(), t));
    return map;
  }

  public Optional<TagDefinition> find(String id) {
    return Optional.ofNullable(byId().get(id));
  }

  /** Every single-word acronym of the vocabulary, as written. */
  public Set<String> acronyms() {
    return all().stream()
        .flatMap(t -> t.acronyms().stream())
        .filter(a -> a.matches("[\\p{L}\\p{N}]+"))
        .collect(Collectors.toUnmodifiableSet());
  }

  public Set<String> setAsideTags() {
    return groups.stream()
        .filter(g -> g.id().equals(SET_ASIDE_GROUP))
        .flatMap(g -> g.tags().stream())
        .map(TagDefinition::id)
        .collect(Collectors.toUnmodifiableSet());
  }
}
