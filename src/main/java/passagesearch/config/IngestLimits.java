package passagesearch.config;

/**
 * What one corpus file or record may hold, so that reading it fits the heap a server runs with (128 MB):
 * anything larger is skipped with its reason, never read ({@code passages.yaml}, {@code limits}).
 *
 * @param maxDocumentBytes the largest text, HTML or Markdown file, and the longest JSON Lines record, in
 *     bytes, checked before anything is read; a document's text then takes at most this much heap (a Java
 *     string holds a character in one byte when it is Latin-1, in two otherwise, and UTF-8 needs two bytes
 *     or more for every character past Latin-1's ASCII half)
 * @param maxHtmlElements the most start tags an HTML file may have: its parsed tree is several hundred bytes
 *     an element, so a small file of a million empty {@code <p>} would need hundreds of MB
 * @param maxReasons how many skip reasons and warnings are kept word for word; the rest are counted
 */
public record IngestLimits(int maxDocumentBytes, int maxHtmlElements, int maxReasons) {
  public IngestLimits {
    ConfigException.check(maxDocumentBytes >= 1_000 && maxDocumentBytes <= 64_000_000,
        "passages.yaml: limits.maxDocumentBytes must be between 1000 and 64000000");
    ConfigException.check(maxHtmlElements >= 100, "passages.yaml: limits.maxHtmlElements must be at least 100");
    ConfigException.check(maxReasons >= 1, "passages.yaml: limits.maxReasons must be positive");
  }

  /** The bounds used when nothing says otherwise. */
  public static IngestLimits defaults() {
    return new IngestLimits(4_000_000, 50_000, 20);
  }
}
