package passagesearch.ingest;

/**
 * A tag a passage carries because its whole document is about it, not because of its own words.
 *
 * @param tag the tag's id
 * @param reason why, in words, as {@code explain=true} shows it: "the document is about it: 10 of its 18
 *     passages carry the tag, and this passage names no disease"
 */
public record InheritedTag(String tag, String reason) {
  /** The tag and why, as kept with the passage: "all: the document is about it: ...". */
  public String note() {
    return tag + ": " + reason;
  }
}
