package passagesearch.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What text a regular expression written in the configuration cannot match without: the literal text it
 * starts with, read from its source. Tag patterns are tried only where a word starts with their prefix
 * ({@link TagMatcher}); a chrome line rule is tried only on a line that holds one of its alternatives'
 * prefixes ({@link LineRule}). Both read the source the same conservative way: a prefix ends at the first
 * character that is not a letter, digit, space or hyphen, or that a {@code ?}, {@code *} or {@code {}
 * makes optional, so a text without the prefix can never match.
 */
public final class RegexLiterals {
  private RegexLiterals() {}

  /**
   * The literal text a regular expression must start with, as written; none when it has an alternative at
   * its top level ({@code a|b} may start with either).
   */
  public static String prefix(String regex) {
    return alternatives(regex).size() == 1 ? leadingLiteral(regex) : "";
  }

  /**
   * The literal prefix of each top-level alternative ({@code a|b}: a's and b's), so that every match starts
   * with one of them; empty when one of them is shorter than {@code minLength} (nothing worth looking for).
   */
  public static List<String> alternativePrefixes(String regex, int minLength) {
    List<String> prefixes = new ArrayList<>();
    for (String alternative : alternatives(regex)) {
      String prefix = leadingLiteral(alternative);
      if (prefix.length() < minLength) {
        return List.of();
      }
      prefixes.add(prefix);
    }
    return List.copyOf(prefixes);
  }

  /**
   * Whether the text holds one of the prefixes (each {@link #folded} already), compared as a
   * case-insensitive pattern compares characters (the lower case of the upper case), which a case-sensitive
   * match satisfies too: a text for which this is false cannot match.
   */
  public static boolean holdsAny(String text, List<String> foldedPrefixes) {
    String folded = folded(text);
    for (String prefix : foldedPrefixes) {
      if (folded.contains(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text with each character folded as {@link java.util.regex.Pattern#UNICODE_CASE} folds it for a
   * case-insensitive comparison: the lower case of its upper case (ASCII letters simply lower-cased).
   */
  public static String folded(String text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char f = folded(c);
      if (f != c) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = f;
      }
    }
    return out == null ? text : new String(out);
  }

  static char folded(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  private static String leadingLiteral(String regex) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '-')) {
        break;
      }
      char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
      if (next == '?' || next == '*' || next == '{') {
        break;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The regular expression cut at the bars of its top level (outside groups, classes and escapes). */
  private static List<String> alternatives(String regex) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++; // an escaped character is literal
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(regex.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(regex.substring(from));
    return parts;
  }
}
