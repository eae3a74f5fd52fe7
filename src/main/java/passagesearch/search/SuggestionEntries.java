package passagesearch.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagGroup;
import passagesearch.config.TagVocabulary;
import passagesearch.search.SuggestionEntry.Kind;
import passagesearch.search.SuggestionEntry.Tier;

/**
 * The entries a search box is offered, gathered once per generation by either engine from the same
 * vocabulary and counts: the tag vocabulary's names (a drug by its generic name; not the set-aside group),
 * each with the passages that carry the tag; drug brands, with the passages that use the brand's rarest word;
 * words the corpus uses in at least {@value #MIN_WORD_PASSAGES} passages and at least {@value #MIN_WORD_BYTES}
 * bytes long; then headings. An entry met twice (in any case) is kept where it was first met, so a heading
 * that is also a name or a word ("Treatment") is offered as that, in its higher tier.
 */
public final class SuggestionEntries {
  static final int MIN_WORD_BYTES = 4;
  static final int MIN_WORD_PASSAGES = 2;

  private final List<SuggestionEntry> entries = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  /**
   * Starts with the vocabulary's names and brands.
   *
   * @param taggedPassages passages carrying a tag, by its id
   * @param wordPassages passages using a word (lower-case letters), by the word
   */
  public SuggestionEntries(TagVocabulary vocabulary, ToIntFunction<String> taggedPassages,
      ToIntFunction<String> wordPassages) {
    for (TagGroup g : vocabulary.groups()) {
      if (g.id().equals(TagVocabulary.SET_ASIDE_GROUP)) {
        continue;
      }
      for (TagDefinition t : g.tags()) {
        Kind kind = g.id().equals("drug") ? Kind.DRUG : Kind.TAG;
        add(t.label(), kind, Tier.NAME, taggedPassages.applyAsInt(t.id()));
        for (String brand : t.brands()) {
          add(brand, kind, Tier.WORD, uses(brand, wordPassages));
        }
      }
    }
  }

  /** Passages that use a name's words: at most as many as use its rarest word ("Liu Keran": "keran"). */
  private static int uses(String name, ToIntFunction<String> wordPassages) {
    int uses = Integer.MAX_VALUE;
    for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        uses = Math.min(uses, wordPassages.applyAsInt(word));
      }
    }
    return uses == Integer.MAX_VALUE ? 0 : uses;
  }

  /** A word of the corpus (lower-case letters) and the passages that use it: an entry when frequent and long enough. */
  public SuggestionEntries word(String word, int passages) {
    if (passages >= MIN_WORD_PASSAGES && word.getBytes(StandardCharsets.UTF_8).length >= MIN_WORD_BYTES) {
      add(word, Kind.TERM, Tier.WORD, passages);
    }
    return this;
  }

  /** A heading of the corpus, without a trailing number; after every word. */
  public SuggestionEntries heading(String heading) {
    add(heading.replaceAll("\\d+$", ""), Kind.HEADING, Tier.HEADING, 0);
    return this;
  }

  public List<SuggestionEntry> entries() {
    return List.copyOf(entries);
  }

  private void add(String text, Kind kind, Tier tier, int weight) {
    String clean = text.strip();
    if (!clean.isEmpty() && seen.add(clean.toLowerCase(Locale.ROOT))) {
      entries.add(new SuggestionEntry(clean, kind, tier, weight));
    }
  }

  /** Drug and tag suggestions with the id of the tag each names (by its label or a brand), for a tag filter. */
  public static List<Suggestion> namingTags(List<Suggestion> found, TagVocabulary vocabulary) {
    Map<String, String> ids = new HashMap<>();
    for (TagDefinition t : vocabulary.all()) {
      ids.putIfAbsent(t.label().strip().toLowerCase(Locale.ROOT), t.id());
      t.brands().forEach(b -> ids.putIfAbsent(b.strip().toLowerCase(Locale.ROOT), t.id()));
    }
    return found.stream()
        .map(s -> s.kind().equals("drug") || s.kind().equals("tag")
            ? new Suggestion(s.text(), s.kind(), ids.get(s.text().toLowerCase(Locale.ROOT)))
            : s)
        .toList();
  }
}
