package passagesearch.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every tag whose patterns occur in a text, in one pass over its word starts. Each pattern is
 * anchored at a word start and indexed by the first three letters of its literal prefix, so a word is
 * tried only against patterns that could begin there, and only when the text there starts with the whole
 * prefix (compared as the pattern compares, case-folded or not) is the regular expression run; patterns
 * with a shorter prefix are tried at every word start that starts with it, those without one at every word
 * start.
 */
public final class TagMatcher {
  /** A tag pattern, anchored at a word start. */
  record Anchored(int tag, Pattern pattern, String prefix) {}

  private static final int KEY = 3;
  private final List<String> tagIds;
  private final KeyTable byKey = new KeyTable();
  private final List<Anchored> keyed = new ArrayList<>();
  private final List<Anchored> everywhere = new ArrayList<>();

  TagMatcher(List<String> tagIds, List<Anchored> patterns) {
    this.tagIds = List.copyOf(tagIds);
    for (Anchored a : patterns) {
      String key = a.prefix().length() >= KEY ? a.prefix().substring(0, KEY).toLowerCase(Locale.ROOT) : "";
      if (key.length() == KEY) {
        byKey.add(KeyTable.key(key.charAt(0), key.charAt(1), key.charAt(2)), a);
        keyed.add(a);
      } else {
        everywhere.add(a);
      }
    }
  }

  /** Indexes (into the vocabulary's tag order) of the tags whose patterns occur in the text. */
  public BitSet find(CharSequence text) {
    BitSet found = new BitSet(tagIds.size());
    String lower = text.toString().toLowerCase(Locale.ROOT);
    boolean sameLength = lower.length() == text.length();
    boolean inWord = false; // whether the character before p is a letter or digit
    for (int p = 0; p < text.length(); p++) {
      boolean wordChar = Character.isLetterOrDigit(text.charAt(p));
      boolean wordStart = wordChar && !inWord;
      inWord = wordChar;
      if (!wordStart) {
        continue;
      }
      if (sameLength && p + KEY <= lower.length()) {
        List<Anchored> candidates = byKey.get(KeyTable.key(lower.charAt(p), lower.charAt(p + 1), lower.charAt(p + 2)));
        if (candidates != null) {
          for (Anchored a : candidates) {
            if (!found.get(a.tag()) && startsWithPrefix(a, text, p) && matchesAt(a, text, p)) {
              found.set(a.tag());
            }
          }
        }
      }
      for (Anchored a : everywhere) {
        if (!found.get(a.tag()) && startsWithPrefix(a, text, p) && matchesAt(a, text, p)) {
          found.set(a.tag());
        }
      }
    }
    if (!sameLength) {
      // Lower-casing changed the length (rare scripts): fall back to trying every keyed pattern.
      for (Anchored a : keyed) {
        if (!found.get(a.tag()) && a.pattern().matcher(text).find()) {
          found.set(a.tag());
        }
      }
    }
    return found;
  }

  /**
   * Whether the text at {@code p} may start with the pattern's literal prefix, each character compared as a
   * case-insensitive pattern compares it ({@link Pattern#UNICODE_CASE}: the lower case of the upper case) or
   * more loosely, so a pattern is never skipped that would have matched. Most words that share a pattern's first three
   * letters end here, without a matcher.
   */
  private static boolean startsWithPrefix(Anchored a, CharSequence text, int p) {
    String prefix = a.prefix();
    if (p + prefix.length() > text.length()) {
      return false;
    }
    boolean fold = (a.pattern().flags() & Pattern.CASE_INSENSITIVE) != 0;
    for (int i = 0; i < prefix.length(); i++) {
      char c = text.charAt(p + i);
      char want = prefix.charAt(i);
      if (c != want && !(fold && sameFolded(c, want))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameFolded(char c, char want) {
    char folded = RegexLiterals.folded(want);
    return c == folded || RegexLiterals.folded(c) == folded;
  }

  private static boolean matchesAt(Anchored a, CharSequence text, int p) {
    Matcher m = a.pattern().matcher(text);
    m.region(p, text.length());
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    return m.lookingAt();
  }

  public String tagId(int index) {
    return tagIds.get(index);
  }
}
