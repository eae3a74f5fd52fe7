package passagesearch.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import passagesearch.config.HeadingStubRule;

/**
 * Tells a passage that only restates its heading ({@link HeadingStubRule}): short, and holding every content
 * word of its nearest heading. Words are compared lower-cased, each spelling variant as its indexed form and
 * without a plural {@code s}, so "Treatments for acute lymphoblastic leukaemia" is restated by "Treatment for
 * acute lymphoblastic leukemia ...". The document title is not a heading here: a short answer that names
 * what its page is about (a MedQuAD answer naming its condition) is an answer.
 */
final class HeadingStubs {
  /** Words that carry no subject: a heading's "for" or "of" need not stand in the passage. */
  private static final Set<String> FUNCTION_WORDS = Set.of(
      "a", "an", "and", "or", "the", "of", "for", "to", "in", "on", "at", "by", "with", "from", "into", "about",
      "after", "before", "during", "as", "is", "are", "be", "it", "its", "your", "you", "their", "this", "that",
      "these", "those", "how", "what", "when", "why", "where", "who", "which", "do", "does", "can", "will");

  private final HeadingStubRule rule;
  private final Map<String, String> spellings;

  /** @param spellings spelling variants and the form they are indexed as (lower case) */
  HeadingStubs(HeadingStubRule rule, Map<String, String> spellings) {
    this.rule = rule;
    this.spellings = spellings;
  }

  /** Whether the passage is a stub of its nearest heading. */
  boolean restatesHeading(String text, List<String> headings) {
    if (headings.isEmpty() || Text.words(text) >= rule.maxWords()) {
      return false;
    }
    Set<String> heading = contentWords(headings.get(headings.size() - 1));
    return heading.size() >= rule.minHeadingWords() && contentWords(text).containsAll(heading);
  }

  private Set<String> contentWords(String s) {
    Set<String> words = new HashSet<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.isEmpty() || FUNCTION_WORDS.contains(w)) {
        continue;
      }
      String form = spellings.getOrDefault(w, w);
      words.add(form.length() > 3 && form.endsWith("s") && !form.endsWith("ss") ? form.substring(0, form.length() - 1) : form);
    }
    return words;
  }
}
