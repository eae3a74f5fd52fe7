package passagesearch.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule over one trimmed line of a document.
 *
 * @param pattern what the line must contain (use anchors for a whole-line match)
 * @param why the reason, for logs and for editors
 * @param tag the set-aside tag the line gets, or null when the line is dropped
 * @param clues text one of which a matching line must hold, {@link RegexLiterals#folded folded}: the literal
 *     prefixes of the pattern's alternatives when each has at least {@link #MIN_CLUE} characters, else none.
 *     A pattern that may match anywhere in a line ({@code dynamically translates|Google Translate}) is
 *     otherwise tried at every character of every line: SciFact's 5,183 one-line abstracts spent 8% of an
 *     index build there (JFR, 2026-12-07)
 */
public record LineRule(Pattern pattern, String why, String tag, List<String> clues) {
  /** Clues shorter than this are not worth looking for first. */
  static final int MIN_CLUE = 3;

  public LineRule {
    clues = List.copyOf(clues);
  }

  public LineRule(Pattern pattern, String why, String tag) {
    this(pattern, why, tag, clues(pattern));
  }

  private static List<String> clues(Pattern pattern) {
    if (pattern == null || (pattern.flags() & (Pattern.COMMENTS | Pattern.CANON_EQ)) != 0) {
      return List.of(); // spaces that mean nothing, or characters that match other spellings of themselves
    }
    return RegexLiterals.alternativePrefixes(pattern.pattern(), MIN_CLUE).stream().map(RegexLiterals::folded).toList();
  }

  public boolean matches(String trimmedLine) {
    return (clues.isEmpty() || RegexLiterals.holdsAny(trimmedLine, clues)) && pattern.matcher(trimmedLine).find();
  }
}
