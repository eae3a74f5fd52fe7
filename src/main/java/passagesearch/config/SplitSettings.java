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
 */
public record SplitSettings(
    int headingMaxWords,
    int headingMaxChars,
    String sentenceEndings,
    int minWords,
    int maxWords,
    double repeatShare,
    int repeatMinWords) {

  public SplitSettings {
    ConfigException.check(headingMaxWords > 0, "passages.yaml: heading.maxWords must be positive");
    ConfigException.check(headingMaxChars > 0, "passages.yaml: heading.maxChars must be positive");
    ConfigException.check(minWords > 0 && maxWords >= minWords,
        "passages.yaml: passage.minWords must be positive and no larger than passage.maxWords");
    ConfigException.check(repeatShare > 0 && repeatShare <= 1, "passages.yaml: passage.repeatShare must be in (0, 1]");
  }

  /** The settings used when nothing says otherwise (and in tests of the splitter). */
  public static SplitSettings defaults() {
    return new SplitSettings(12, 100, ".:;,!", 40, 150, 0.75, 5);
  }
}
