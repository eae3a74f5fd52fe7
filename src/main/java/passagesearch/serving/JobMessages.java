package passagesearch.serving;

import java.util.List;

/**
 * Keeps a job's message short whatever went wrong: the corpus reader's first problems and its count of
 * the rest, each problem and the whole message cut to a bounded length. 50,000 bad lines make one line of
 * reasons, not megabytes held for every kept job.
 */
final class JobMessages {
  static final int MAX_PROBLEM_CHARS = 200;
  static final int MAX_CHARS = 4096;

  private JobMessages() {}

  /**
   * {@code head}, then "{@code label} N: first; second; ...", where {@code problems} is already a summary of
   * {@code total} (the corpus reader keeps the first reasons and a line counting the rest): its lines are
   * given as they are, each and all bounded.
   */
  static String summarised(String head, String label, List<String> problems, int total) {
    if (problems.isEmpty()) {
      return cap(head);
    }
    StringBuilder text = new StringBuilder(head).append("; ").append(label).append(' ').append(total).append(": ");
    for (int i = 0; i < problems.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(cut(problems.get(i), MAX_PROBLEM_CHARS));
    }
    return cap(text.toString());
  }

  /** Why a job failed: the failure's message, or its kind when it has none, bounded. */
  static String reason(Throwable failure) {
    return cap(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
  }

  /** At most {@value #MAX_CHARS} characters. */
  static String cap(String text) {
    return cut(text, MAX_CHARS);
  }

  private static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 20) + "... (" + (text.length() - max + 20) + " more characters)";
  }
}
