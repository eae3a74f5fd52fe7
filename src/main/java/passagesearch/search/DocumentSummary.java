package passagesearch.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source as the catalogue lists it.
 *
 * @param source the document and what it states about itself
 * @param passages how many passages it gave (set-aside ones included)
 * @param tags passages per tag, largest first
 */
public record DocumentSummary(SourceRef source, int passages, Map<String, Integer> tags) {
  /** A summary with its tag counts in the order the catalogue lists them: largest first, ties by tag id. */
  public static DocumentSummary of(SourceRef source, int passages, Map<String, Integer> tagCounts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    tagCounts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return new DocumentSummary(source, passages, out);
  }
}
