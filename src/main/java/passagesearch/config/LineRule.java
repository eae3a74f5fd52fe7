package passagesearch.config;

import java.util.regex.Pattern;

/**
 * A rule over one trimmed line of a document.
 *
 * @param pattern what the line must contain (use anchors for a whole-line match)
 * @param why the reason, for logs and for editors
 * @param tag the set-aside tag the line gets, or null when the line is dropped
 */
public record LineRule(Pattern pattern, String why, String tag) {
  public boolean matches(String trimmedLine) {
    return pattern.matcher(trimmedLine).find();
  }
}
