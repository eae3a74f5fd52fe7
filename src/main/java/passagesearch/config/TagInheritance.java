package passagesearch.config;

/**
 * How a group's tags pass from a document to its passages ({@code inherit} on a group in {@code tags.yaml}).
 * A document is about a tag of the group when more than {@code share} of its passages carry it (set-aside
 * passages not counted); a title that names the tag gives it to every passage, so such a document is about it
 * too. A passage that names no tag of the group inherits the tags its document is about.
 *
 * @param share the part of a document's passages, from 0 to 1, that a tag must be carried by (exceeded, not
 *     met) for the whole document to be about it
 */
public record TagInheritance(double share) {
  public TagInheritance {
    ConfigException.check(share >= 0 && share < 1, "tags.yaml: inherit.share must be at least 0 and below 1");
  }
}
