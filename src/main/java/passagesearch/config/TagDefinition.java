package passagesearch.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One tag of the vocabulary.
 *
 * @param id the tag as it appears in the API and in filters
 * @param label how a person reads it
 * @param group the id of its group
 * @param patterns compiled from the tag's words, acronyms and brands; any match gives the tag
 * @param brands brand and older names (drugs only)
 * @param acronyms words matched case-sensitively (ALL, CNS)
 * @param implies tags a passage gets with this one
 * @param prefixes for each pattern, the literal text a match starts with ("" when unknown): lets
 *     {@link TagMatcher} try a pattern only where it could match
 */
public record TagDefinition(
    String id,
    String label,
    String group,
    List<Pattern> patterns,
    List<String> brands,
    List<String> acronyms,
    List<String> implies,
    List<String> prefixes) {

  public TagDefinition {
    patterns = List.copyOf(patterns);
    brands = List.copyOf(brands);
    acronyms = List.copyOf(acronyms);
    implies = List.copyOf(implies);
    prefixes = List.copyOf(prefixes);
    if (prefixes.size() != patterns.size()) {
      throw new IllegalArgumentException("one prefix per pattern");
    }
  }

  /** A tag whose patterns carry no known prefix (tried everywhere). */
  public TagDefinition(String id, String label, String group, List<Pattern> patterns, List<String> brands,
      List<String> acronyms, List<String> implies) {
    this(id, label, group, patterns, brands, acronyms, implies, patterns.stream().map(p -> "").toList());
  }
}
