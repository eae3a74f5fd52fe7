package passagesearch.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text's English sentence boundaries, found in one forward pass of the JDK's sentence rules and then looked
 * up, for the highlighter.
 *
 * <p>The JDK's own sentence iterator answers {@link #following} and {@link #preceding} by searching backwards from
 * the offset for a place its rules can restart from, then forwards again, reading the text back to its start or
 * near it on every call: a snippet, which asks around every match, read its passage once per match, time
 * quadratic in the passage's length (14% of a distinct SciFact search's CPU). Here each boundary is found once,
 * reading the text from its start as a reader does, so a boundary never depends on where a search began: the
 * JDK's backward search could end a sentence elsewhere than its forward reading (a reference list's
 * abbreviations).
 */
final class ForwardSentences extends BreakIterator {
  private final BreakIterator rules = BreakIterator.getSentenceInstance(Locale.ENGLISH);
  private CharacterIterator text = new StringCharacterIterator("");
  private int[] bounds = {0};
  private int count = 1;
  /** The index in {@link #bounds} of the current boundary. */
  private int at;

  @Override
  public void setText(CharacterIterator newText) {
    text = newText;
    rules.setText(newText);
    int[] found = new int[16];
    int n = 0;
    for (int b = rules.first(); b != DONE; b = rules.next()) {
      if (n == found.length) {
        found = Arrays.copyOf(found, n * 2);
      }
      found[n++] = b;
    }
    bounds = found;
    count = n;
    at = 0;
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  @Override
  public int first() {
    at = 0;
    return bounds[0];
  }

  @Override
  public int last() {
    at = count - 1;
    return bounds[at];
  }

  @Override
  public int next() {
    if (at == count - 1) {
      return DONE;
    }
    return bounds[++at];
  }

  @Override
  public int next(int n) {
    int result = current();
    for (int i = 0; i < n && result != DONE; i++) {
      result = next();
    }
    for (int i = 0; i > n && result != DONE; i--) {
      result = previous();
    }
    return result;
  }

  @Override
  public int previous() {
    if (at == 0) {
      return DONE;
    }
    return bounds[--at];
  }

  @Override
  public int current() {
    return bounds[at];
  }

  /** The first boundary after {@code offset}; {@link #DONE}, the position unchanged, when there is none. */
  @Override
  public int following(int offset) {
    int i = firstAtOrAfter(offset);
    return moveTo(i < count && bounds[i] == offset ? i + 1 : i);
  }

  /** The last boundary before {@code offset}; {@link #DONE}, the position unchanged, when there is none. */
  @Override
  public int preceding(int offset) {
    return moveTo(firstAtOrAfter(offset) - 1);
  }

  @Override
  public boolean isBoundary(int offset) {
    int i = firstAtOrAfter(offset);
    moveTo(i);
    return i < count && bounds[i] == offset;
  }

  /** The index of the first boundary at or after {@code offset} ({@link #count} when there is none). */
  private int firstAtOrAfter(int offset) {
    checkOffset(offset);
    int i = Arrays.binarySearch(bounds, 0, count, offset);
    return i >= 0 ? i : -i - 1;
  }

  private int moveTo(int i) {
    if (i < 0 || i >= count) {
      return DONE;
    }
    at = i;
    return bounds[at];
  }

  private void checkOffset(int offset) {
    if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
      throw new IllegalArgumentException("offset " + offset + " is outside the text ["
          + text.getBeginIndex() + ", " + text.getEndIndex() + "]");
    }
  }

  @Override
  public Object clone() {
    ForwardSentences copy = new ForwardSentences();
    copy.text = (CharacterIterator) text.clone();
    copy.rules.setText(copy.text);
    copy.bounds = bounds.clone();
    copy.count = count;
    copy.at = at;
    return copy;
  }
}
