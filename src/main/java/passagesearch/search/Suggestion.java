package passagesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A completion for a search box.
 *
 * @param text what to put in the box
 * @param kind where it comes from: drug, tag, heading or term
 * @param tag the id of the tag a drug or tag suggestion names, so that a box can apply it as a tag filter
 *     rather than search for its words; absent on headings and terms
 */
public record Suggestion(String text, String kind, @JsonInclude(JsonInclude.Include.NON_NULL) String tag) {

  /** A suggestion that names no tag. */
  public Suggestion(String text, String kind) {
    this(text, kind, null);
  }
}
