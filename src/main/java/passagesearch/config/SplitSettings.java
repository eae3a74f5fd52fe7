package passagesearch.config;

/**
 * How plain text becomes passages ({@code passages.yaml}).
 *
 * @param headingMaxWords longest line, in words, that can be a heading
 * @param headingMaxChars longest line, in characters, that can be a heading
 * @param sentenceEndings characters that end a sentence; a line ending in one is never a heading
 * @param minWords passages smaller than this are merged with a neighbour
 * @param maxWords passages larger than this are split at sentence ends
 * @param repeatShare share of a paragraph's words, in sentences repeated later, that make it a repeat
 * @param repeatMinWords sentences shorter than this never count as repeats
 * @param headingHardMaxChars no heading, explicit ones (Markdown {@code #}, HTML {@code <h1>}) included, is
 *     longer: a longer one is cut at a word, and the cut reported
 * @param passageMaxChars no passage spans more of the source than this: a paragraph with no sentence end
 *     within it is split at word boundaries (cut inside a word only when it has no space), and reported
 */
public record SplitSettings(
    int headingMaxWords,
    int headingMaxChars,
    String sentenceEndings,
    int minWords,
    int maxWords,
    double repeatShare,
    int repeatMinWords,
    int headingHardMaxChars,
    int passageMaxChars) {

  public SplitSettings {
    ConfigException.check(headingMaxWords > 0, "passages.yaml: heading.maxWords must be positive");
    ConfigException.check(headingMaxChars > 0, "passages.yaml: heading.maxChars must be positive");
    ConfigException.check(minWords > 0 && maxWords >= minWords,
        "passages.yaml: passage.minWords must be positive and no larger than passage.maxWords");
    ConfigException.check(repeatShare > 0 && repeatShare <= 1, "passages.yaml: passage.repeatShare must be in (0, 1]");
    // A heading is a doc value (Lucene takes at most 32,766 bytes, 4 a character at worst) and a suggestion.
    ConfigException.check(headingHardMaxChars >= headingMaxChars && headingHardMaxChars <= 8_000,
        "passages.yaml: heading.hardMaxChars must be at least heading.maxChars and at most 8000");
    ConfigException.check(passageMaxChars >= 200, "passages.yaml: passage.maxChars must be at least 200");
  }

  /** The same settings with other hard caps (for tests of the caps). */
  public SplitSettings withCaps(int newHeadingHardMaxChars, int newPassageMaxChars) {
    return new SplitSettings(headingMaxWords, headingMaxChars, sentenceEndings, minWords, maxWords, repeatShare,
        repeatMinWords, newHeadingHardMaxChars, newPassageMaxChars);
  }

  /** The settings used when nothing says otherwise (and in tests of the splitter). */
  public static SplitSettings defaults() {
    return new SplitSettings(12, 100, ".:;,!", 40, 150, 0.75, 5, 200, 8_000);
  }
}
