package passagesearch.search;

/**
 * A completion for a search box.
 *
 * @param text what to put in the box
 * @param kind where it comes from: drug, tag, heading or term
 */
public record Suggestion(String text, String kind) {}
