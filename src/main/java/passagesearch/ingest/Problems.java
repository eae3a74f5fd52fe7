package passagesearch.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects skip reasons and warnings during one read, keeping the first few of each word for word and
 * counting the rest. In strict mode the first skip is a failure.
 */
final class Problems {
  private final int keep;
  private final boolean strict;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private int warningsTotal;
  private int described;
  private int skippedTotal;
  private boolean failed;

  Problems(int keep, boolean strict) {
    this.keep = keep;
    this.strict = strict;
  }

  /** Something that was not indexed, and why; under {@code --strict} it ends the read. */
  void skip(String reason) {
    countSkip(reason);
    described++;
    if (skipped.size() < keep) {
      skipped.add(reason);
    }
  }

  /** A skip counted but not described one by one: a {@link #note} sums such skips up. */
  void countSkip(String reason) {
    if (strict) {
      failed = true;
      throw new CorpusException("--strict: " + reason);
    }
    skippedTotal++;
  }

  /** A line summing up skips already counted ("docs.jsonl: none of its 512 records is a document"). */
  void note(String summary) {
    if (notes.size() < keep) {
      notes.add(summary);
    }
  }

  /** Whether a skip under {@code --strict} has ended the read: its failure must not be skipped in turn. */
  boolean failed() {
    return failed;
  }

  void warn(String warning) {
    warningsTotal++;
    if (warnings.size() < keep) {
      warnings.add(warning);
    }
  }

  ReadReport report() {
    List<String> all = new ArrayList<>(withRest(skipped, described));
    all.addAll(notes);
    return new ReadReport(withRest(warnings, warningsTotal), warningsTotal, all, skippedTotal);
  }

  private static List<String> withRest(List<String> kept, int total) {
    if (total <= kept.size()) {
      return kept;
    }
    List<String> out = new ArrayList<>(kept);
    out.add(String.format("... and %,d more (the first %d are shown)", total - kept.size(), kept.size()));
    return out;
  }
}
