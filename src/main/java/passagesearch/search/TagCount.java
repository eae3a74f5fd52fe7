package passagesearch.search;

import java.util.List;

/** The vocabulary with passage counts: groups in order, each tag with how many passages carry it. */
public record TagCount(String id, String label, int passages) {
  /** A group of the vocabulary; {@code setAside} groups are left out of results unless asked for. */
  public record Group(String id, String label, boolean setAside, List<TagCount> tags) {}
}
