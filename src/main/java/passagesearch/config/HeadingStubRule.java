package passagesearch.config;

/**
 * What makes a passage a heading stub ({@code stub} in {@code passages.yaml}): a one-line section summary that
 * restates its heading and answers nothing the heading does not ("Induction treatments for acute lymphoblastic
 * leukemia (ALL) include chemotherapy, targeted therapy and CNS prophylaxis or treatment."). Such a passage is
 * marked in the index and scored down ({@code ranking.yaml}'s {@code results.headingStubFactor}).
 *
 * @param maxWords a stub has fewer words than this
 * @param minHeadingWords its nearest heading has at least this many content words, every one of them in the
 *     passage; a shorter heading ("Side effects") says too little for a passage holding it to be a mere restatement
 */
public record HeadingStubRule(int maxWords, int minHeadingWords) {
  public HeadingStubRule {
    ConfigException.check(maxWords >= 0, "passages.yaml: stub.maxWords must not be negative (0: no stubs)");
    ConfigException.check(minHeadingWords >= 1, "passages.yaml: stub.minHeadingWords must be at least 1");
  }

  /** The rule used when nothing says otherwise: none, no passage is a stub. */
  public static HeadingStubRule none() {
    return new HeadingStubRule(0, 1);
  }
}
