package passagesearch.ingest;

import java.util.List;

/**
 * What a read of the corpus could not use, and what a reader of the logs should know. Each list keeps the
 * first reasons word for word and ends, when there were more, with a line counting the rest: a corpus of
 * 50,000 bad lines gives 21 lines, not 50,000.
 *
 * @param warnings documents indexed with something to know (no manifest entry, a passage or heading cut)
 * @param warningsTotal how many warnings there were in all
 * @param skipped files, records and documents not indexed, each with its name (and line) and reason
 * @param skippedTotal how many were skipped in all
 */
public record ReadReport(List<String> warnings, int warningsTotal, List<String> skipped, int skippedTotal) {
  public ReadReport {
    warnings = List.copyOf(warnings);
    skipped = List.copyOf(skipped);
  }

  /** The first few skip reasons in parentheses, so a build that found nothing says why; empty when none was skipped. */
  public String firstReasons() {
    if (skipped.isEmpty()) {
      return "";
    }
    return String.format(" (%,d skipped: %s)", skippedTotal, String.join("; ", skipped.subList(0, Math.min(3, skipped.size()))));
  }
}
