package passagesearch.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The tag vocabulary ({@code tags.yaml}): groups of tags, in the order editors wrote them. */
public final class TagVocabulary {
  /** The group whose tags mark material that is kept but left out of results unless asked for. */
  public static final String SET_ASIDE_GROUP = "set-aside";

  private final List<TagGroup> groups;
  private final List<TagDefinition> all;
  private final Map<String, TagDefinition> byId;
  private final Set<String> setAside;
  private final TagMatcher matcher;
  /** Each tag's place in {@link #all}, and, at that place, the tag with every tag it implies. */
  private final Map<String, Integer> index = new HashMap<>();
  private final BitSet[] closures;

  public TagVocabulary(List<TagGroup> groups) {
    this.groups = List.copyOf(groups);
    this.all = this.groups.stream().flatMap(g -> g.tags().stream()).toList();
    Map<String, TagDefinition> map = new LinkedHashMap<>();
    all.forEach(t -> map.put(t.id(), t));
    this.byId = Collections.unmodifiableMap(map);
    this.setAside = this.groups.stream()
        .filter(g -> g.id().equals(SET_ASIDE_GROUP))
        .flatMap(g -> g.tags().stream())
        .map(TagDefinition::id)
        .collect(Collectors.toUnmodifiableSet());
    List<TagMatcher.Anchored> anchored = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      TagDefinition t = all.get(i);
      for (int j = 0; j < t.patterns().size(); j++) {
        anchored.add(new TagMatcher.Anchored(i, t.patterns().get(j), t.prefixes().get(j)));
      }
    }
    this.matcher = new TagMatcher(all.stream().map(TagDefinition::id).toList(), anchored);
    for (int i = 0; i < all.size(); i++) {
      index.put(all.get(i).id(), i);
    }
    this.closures = new BitSet[all.size()];
    for (int i = 0; i < all.size(); i++) {
      closures[i] = closure(all.get(i).id());
    }
  }

  /** The tag and every tag it implies, directly or through others, as places in {@link #all}. */
  private BitSet closure(String id) {
    BitSet bits = new BitSet(all.size());
    Deque<String> pending = new ArrayDeque<>(List.of(id));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      Integer i = index.get(next);
      if (i != null && !bits.get(i)) {
        bits.set(i);
        pending.addAll(all.get(i).implies());
      }
    }
    return bits;
  }

  public List<TagGroup> groups() {
    return groups;
  }

  public List<TagDefinition> all() {
    return all;
  }

  public Map<String, TagDefinition> byId() {
    return byId;
  }

  public Optional<TagDefinition> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Ids of the tags whose patterns occur in the text, set-aside tags excluded, vocabulary order. */
  public List<String> matching(CharSequence text) {
    BitSet found = matcher.find(text);
    List<String> ids = new ArrayList<>();
    for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
      if (!setAside.contains(all.get(i).id())) {
        ids.add(all.get(i).id());
      }
    }
    return ids;
  }

  /** The tags that these imply, directly or through others, in vocabulary order; none of the given ones. */
  public List<String> impliedBy(Collection<String> tags) {
    return withImplied(tags).stream().filter(id -> !tags.contains(id)).toList();
  }

  /**
   * The tags with those they imply, directly or through others, in vocabulary order; ids not in the
   * vocabulary are left out. Every passage asks it, so it works on bits, the implications worked out once.
   */
  public List<String> withImplied(Collection<String> tags) {
    BitSet bits = new BitSet(all.size());
    for (String id : tags) {
      Integer i = index.get(id);
      if (i != null) {
        bits.or(closures[i]);
      }
    }
    List<String> ids = new ArrayList<>(bits.cardinality());
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      ids.add(all.get(i).id());
    }
    return Collections.unmodifiableList(ids);
  }

  /** Every single-word acronym of the vocabulary, as written. */
  public Set<String> acronyms() {
    return all.stream()
        .flatMap(t -> t.acronyms().stream())
        .filter(a -> a.matches("[\\p{L}\\p{N}]+"))
        .collect(Collectors.toUnmodifiableSet());
  }

  public Set<String> setAsideTags() {
    return setAside;
  }
}
