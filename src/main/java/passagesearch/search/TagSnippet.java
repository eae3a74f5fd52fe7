package passagesearch.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagVocabulary;

/**
 * The snippet of a passage found by a tag the query names and none of its words ("cytokine release syndrome"
 * names side effects, and finds a passage that says "hair loss"): the sentence of its text where the words
 * that earned the tag first stand, those words marked, so the reader sees why it was found. The words that
 * earn a tag are its own patterns' and those of the tags that imply it (a drug's name earns its class). Both
 * engines finish their highlighted snippets here ({@link #finish}).
 */
public final class TagSnippet {
  private static final String MARK = "<mark>";
  private static final String END_MARK = "</mark>";

  /** For each tag, the patterns whose words earn it: its own, and those of every tag that implies it. */
  private final Map<String, List<Pattern>> earners = new HashMap<>();
  private final int maxLength;

  private final TagRecognizer recognizer;

  public TagSnippet(TagVocabulary vocabulary, int maxLength) {
    this.maxLength = maxLength;
    this.recognizer = new TagRecognizer(vocabulary);
    for (TagDefinition t : vocabulary.all()) {
      earners.computeIfAbsent(t.id(), k -> new ArrayList<>()).addAll(t.patterns());
      for (String implied : vocabulary.impliedBy(List.of(t.id()))) {
        earners.computeIfAbsent(implied, k -> new ArrayList<>()).addAll(t.patterns());
      }
    }
  }

  /**
   * A highlighted snippet of {@code text} as the reader is shown it: when no word of the query is marked in it,
   * the words of a {@code named} tag that stand in it marked ({@link TagRecognizer#markTags}); when none stand
   * in it either, the sentence of the text where the words that earned the tag stand ({@link #around}); else
   * as it was.
   */
  public String finish(String highlighted, String text, List<String> named) {
    String snippet = recognizer.markTags(highlighted, named);
    return snippet.contains(MARK) ? snippet : around(text, named).orElse(snippet);
  }

  /**
   * The sentence of {@code text} where the words earning one of the {@code named} tags first stand, HTML-escaped
   * as the highlighter escapes, with every such word in it marked; empty when none stands in the text.
   */
  Optional<String> around(String text, List<String> named) {
    List<Pattern> patterns = new ArrayList<>();
    named.forEach(t -> patterns.addAll(earners.getOrDefault(t, List.of())));
    int first = -1;
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      if (m.find() && m.end() > m.start() && (first < 0 || m.start() < first)) {
        first = m.start();
      }
    }
    if (first < 0) {
      return Optional.empty();
    }
    int[] sentence = sentence(text, first);
    boolean[] marked = new boolean[text.length()];
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      m.region(sentence[0], sentence[1]);
      m.useTransparentBounds(true);
      while (m.find()) {
        if (m.end() > m.start()) {
          for (int i = m.start(); i < toWordEnd(text, m.end()); i++) {
            marked[i] = true;
          }
        }
      }
    }
    return Optional.of(render(text, sentence[0], sentence[1], marked));
  }

  /**
   * The sentence holding {@code at}, from its first word, cut at words to at most {@code maxLength} characters
   * around {@code at} when longer.
   */
  private int[] sentence(String text, int at) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    sentences.setText(text);
    int end = sentences.following(at);
    int start = sentences.previous();
    if (end == BreakIterator.DONE) {
      end = text.length();
    }
    start = SnippetStart.atWord(text, start, at);
    if (end - start > maxLength) {
      // Keep a third of the room before the words and the rest after, cut at spaces.
      int from = Math.max(start, at - maxLength / 3);
      if (from > start) {
        int space = text.indexOf(' ', from);
        from = space < 0 || space >= at ? from : space + 1;
      }
      int to = Math.min(end, from + maxLength);
      if (to < end) {
        int space = text.lastIndexOf(' ', to);
        to = space > at ? space : to;
      }
      start = from;
      end = to;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return new int[] {start, end};
  }

  private static int toWordEnd(String text, int end) {
    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static String render(String text, int start, int end, boolean[] marked) {
    StringBuilder out = new StringBuilder(end - start + 32);
    int i = start;
    while (i < end) {
      int j = i;
      while (j < end && marked[j] == marked[i]) {
        j++;
      }
      String escaped = Snippets.escape(text.substring(i, j));
      out.append(marked[i] ? MARK + escaped + END_MARK : escaped);
      i = j;
    }
    return out.toString();
  }
}
