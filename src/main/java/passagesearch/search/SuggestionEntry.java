package passagesearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A completion a search box may be offered, with what ranks it: the same entries and the same order whichever
 * engine finds them by prefix (the embedded {@link Suggester}, or an OpenSearch generation's suggestion records).
 *
 * @param text what the box shows
 * @param kind where it comes from
 * @param tier which rank of entries it belongs to
 * @param weight its weight in its tier: the passages that carry it (a tag) or use it (its words)
 */
public record SuggestionEntry(String text, Kind kind, Tier tier, int weight) {
  /** What an entry is, as the box shows it. */
  public enum Kind {
    DRUG,
    TAG,
    HEADING,
    TERM
  }

  /**
   * How entries rank, first to last. The vocabulary's own names: a drug's generic name, a disease, treatment,
   * phase or topic. Then words as the corpus uses them: its frequent words, and drug brands, which are other
   * names for a drug offered above them and rank by their own use like any word. Then headings.
   */
  public enum Tier {
    NAME,
    WORD,
    HEADING
  }

  /**
   * The order of entries a prefix (lower case) matches: by tier, then those whose first word it starts, then
   * by weight, largest first, then kind and text. A short prefix matches many entries, and the one the corpus
   * is most about is the likeliest meant.
   */
  public static Comparator<SuggestionEntry> ranking(String prefix) {
    return Comparator.comparing(SuggestionEntry::tier)
        .thenComparing(e -> e.startsWith(prefix) ? 0 : 1)
        .thenComparing(Comparator.comparingInt(SuggestionEntry::weight).reversed())
        .thenComparing(SuggestionEntry::kind)
        .thenComparing(SuggestionEntry::text);
  }

  /** Whether the whole entry, in lower case, begins with the prefix. */
  public boolean startsWith(String prefix) {
    return text.toLowerCase(Locale.ROOT).startsWith(prefix);
  }

  /** Whether a word starts at {@code i}: a letter or digit after anything else (or at the start). */
  public static boolean isWordStart(String text, int i) {
    return Character.isLetterOrDigit(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
  }

  /**
   * The entry in lower case from each place a word starts, each cut to {@code maxChars}: what a prefix typed
   * into the box is matched against ("stem ce" finds "Stem cell transplant" and "Allogeneic stem cell ...").
   */
  public List<String> wordStarts(int maxChars) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lower.length(); i++) {
      if (isWordStart(lower, i)) {
        out.add(lower.substring(i, Math.min(lower.length(), i + maxChars)));
      }
    }
    return out;
  }

  /** As the box is sent it (the tag it names is added by {@link SuggestionEntries#namingTags}). */
  public Suggestion suggestion() {
    return new Suggestion(text, kind.name().toLowerCase(Locale.ROOT));
  }
}
