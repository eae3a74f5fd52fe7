package passagesearch.config;

import java.util.regex.Pattern;

/**
 * A rule over a heading and what stands under it.
 *
 * @param heading what the heading line must match
 * @param until a line that ends the section (it is not part of it); null means the next heading of the
 *     same or a higher level
 * @param toEnd the section runs to the end of the document
 * @param why the reason, for logs and for editors
 * @param tag the set-aside tag of the section, or null when it is dropped
 */
public record SectionRule(Pattern heading, Pattern until, boolean toEnd, String why, String tag) {
  public boolean startsAt(String trimmedHeading) {
    return heading.matcher(trimmedHeading).find();
  }

  public boolean endsAt(String trimmedLine) {
    return until != null && until.matcher(trimmedLine).find();
  }
}
