package passagesearch.ingest;

import java.util.List;

/**
 * A unit a reader would quote, with everything needed to say where it came from.
 *
 * @param id {@code <document id>/<ordinal>}, stable for a given document and configuration
 * @param documentId the source document's id
 * @param ordinal 1-based position among the document's passages
 * @param headings the headings above the passage, outermost first; empty when the page has none
 * @param text the source's words, exactly, with whitespace normalised (lines trimmed, runs of spaces
 *     collapsed, blank lines removed)
 * @param start offset in the source text (UTF-16 code units, as Java and JavaScript count) of the first
 *     character
 * @param end offset just past the last character
 * @param tags tag ids, vocabulary order, the inherited ones included
 * @param tagsInText the tags among {@code tags} that its own words earn (the tag's words are in {@code text}, or
 *     the words of a tag that implies it): a query naming one of these may match the passage by the tag alone,
 *     and its snippet shows those words
 * @param inherited the tags among {@code tags} that come from the document, with the reason: the document is
 *     about them and the passage names nothing else of their kind
 * @param restatesHeading whether it only restates its heading, a one-line section summary that answers nothing
 *     the heading does not ({@code stub} in passages.yaml): scored down, so the passages that answer rank first
 */
public record Passage(
    String id, String documentId, int ordinal, List<String> headings, String text, int start, int end, List<String> tags,
    List<String> tagsInText, List<InheritedTag> inherited, boolean restatesHeading) {

  public Passage {
    headings = List.copyOf(headings);
    tags = List.copyOf(tags);
    tagsInText = List.copyOf(tagsInText);
    inherited = List.copyOf(inherited);
  }

  /** The same passage with tags passed down from its document: {@code tags} all of them, in vocabulary order. */
  Passage inheriting(List<String> allTags, List<InheritedTag> from) {
    return new Passage(id, documentId, ordinal, headings, text, start, end, allTags, tagsInText, from, restatesHeading);
  }

  /** The nearest heading, or null when the passage has none. */
  public String section() {
    return headings.isEmpty() ? null : headings.get(headings.size() - 1);
  }
}
