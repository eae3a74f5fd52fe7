package passagesearch.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search vocabulary: how words are normalised and expanded.
 *
 * @param spellings variant to indexed form ({@code spelling.txt}), lower case
 * @param synonymRules synonym groups in Solr's format ({@code synonyms.txt} plus one line per drug from
 *     {@code tags.yaml}: generic name and brands)
 * @param gluedWords words the source may glue to a neighbour ({@code words.txt} plus drug names and
 *     brands), lower case
 * @param questionWords words dropped from queries only ({@code question-words.txt}), lower case
 */
public record Vocabulary(
    Map<String, String> spellings, List<String> synonymRules, Set<String> gluedWords, Set<String> questionWords) {
  public Vocabulary {
    spellings = Map.copyOf(spellings);
    synonymRules = List.copyOf(synonymRules);
    gluedWords = Set.copyOf(gluedWords);
    questionWords = Set.copyOf(questionWords);
  }

  public static Vocabulary empty() {
    return new Vocabulary(Map.of(), List.of(), Set.of(), Set.of());
  }
}
