package passagesearch.search;

/**
 * Where a snippet's sentence starts: at its first word. The sentence breaker can hand over a sentence that
 * begins with what the sentence before left behind (the full stop of a list item, the bullet of the next
 * one: ". • consolidation ..."), which a reader sees as noise. Only the start moves; the source text is
 * never altered.
 */
final class SnippetStart {
  private SnippetStart() {}

  /**
   * The first word start in {@code text} from {@code start}, before {@code limit}: the first letter or digit,
   * with the opening brackets and quotes directly before it ("(ALL)" keeps its bracket). {@code start} when
   * there is no letter or digit before {@code limit}.
   */
  static int atWord(CharSequence text, int start, int limit) {
    int at = start;
    while (at < limit && !Character.isLetterOrDigit(Character.codePointAt(text, at))) {
      at += Character.charCount(Character.codePointAt(text, at));
    }
    if (at >= limit) {
      return start;
    }
    while (at > start && opens(text.charAt(at - 1))) {
      at--;
    }
    return at;
  }

  private static boolean opens(char c) {
    int type = Character.getType(c);
    return type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION || c == '"';
  }
}
