package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ForwardSentencesTest {
  /** From a SciFact abstract: the JDK's backward search ends a sentence inside "a.u.(-1)". */
  private static final String ABSTRACT = "Resting diastolic pressure trended lower (P = 0.09), heart rate was similar, "
      + "sympathetic vascular transduction was blunted (0.10 ± 0.05 vs. 0.36 ± 0.47 units a.u.(-1) min(-1); "
      + "P < 0.01), and both renin and aldosterone were higher during EARLY than PRE. These results suggest that "
      + "sympathetic activation is a common characteristic of early pregnancy.\nCommon agents include:\n• Asparaginase\n"
      + "• consolidation treatment – to get rid of any remaining cells. Dr. Smith et al. agree.";

  private static List<Integer> forwards(BreakIterator it, String text) {
    it.setText(text);
    List<Integer> out = new ArrayList<>();
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
      out.add(b);
    }
    return out;
  }

  @Test
  void itsBoundariesAreTheJdksReadForwards() {
    List<Integer> jdk = forwards(BreakIterator.getSentenceInstance(Locale.ENGLISH), ABSTRACT);
    assertEquals(jdk, forwards(new ForwardSentences(), ABSTRACT));
    assertTrue(jdk.size() > 3, "several sentences: " + jdk);
  }

  @Test
  void followingAndPrecedingLookUpTheForwardBoundaries() {
    List<Integer> bounds = forwards(BreakIterator.getSentenceInstance(Locale.ENGLISH), ABSTRACT);
    ForwardSentences it = new ForwardSentences();
    it.setText(ABSTRACT);
    for (int offset = 0; offset <= ABSTRACT.length(); offset++) {
      int o = offset;
      int after = bounds.stream().filter(b -> b > o).findFirst().orElse(BreakIterator.DONE);
      int before = bounds.stream().filter(b -> b < o).reduce((a, b) -> b).orElse(BreakIterator.DONE);
      assertEquals(after, it.following(offset), "following " + offset);
      if (after != BreakIterator.DONE) {
        assertEquals(after, it.current(), "the position moves to the boundary returned");
      }
      assertEquals(before, it.preceding(offset), "preceding " + offset);
      assertEquals(bounds.contains(offset), it.isBoundary(offset), "isBoundary " + offset);
    }
    assertThrows(IllegalArgumentException.class, () -> it.following(ABSTRACT.length() + 1));
    assertThrows(IllegalArgumentException.class, () -> it.preceding(-1));
  }

  @Test
  void nextAndPreviousWalkTheBoundariesAndStopAtTheEnds() {
    ForwardSentences it = new ForwardSentences();
    it.setText(ABSTRACT);
    List<Integer> bounds = forwards(new ForwardSentences(), ABSTRACT);
    assertEquals(0, it.first());
    assertEquals(BreakIterator.DONE, it.previous());
    assertEquals(ABSTRACT.length(), it.last());
    assertEquals(BreakIterator.DONE, it.next());
    it.first();
    assertEquals(bounds.get(2), it.next(2));
    assertEquals(bounds.get(1), it.next(-1));
    assertFalse(it.isBoundary(1));
    assertEquals(bounds.get(1), it.current(), "not a boundary: the position is the next one");
  }

  @Test
  void aCloneWalksOnItsOwn() {
    ForwardSentences it = new ForwardSentences();
    it.setText(ABSTRACT);
    it.first();
    ForwardSentences copy = (ForwardSentences) it.clone();
    int second = copy.next();
    assertEquals(0, it.current());
    assertEquals(second, it.next());
  }

  /** A character source that counts what is read of it. */
  private static final class Counted implements CharacterIterator {
    private final StringCharacterIterator text;
    private final long[] reads;

    Counted(StringCharacterIterator text, long[] reads) {
      this.text = text;
      this.reads = reads;
    }

    @Override public char first() { reads[0]++; return text.first(); }
    @Override public char last() { reads[0]++; return text.last(); }
    @Override public char current() { reads[0]++; return text.current(); }
    @Override public char next() { reads[0]++; return text.next(); }
    @Override public char previous() { reads[0]++; return text.previous(); }
    @Override public char setIndex(int position) { reads[0]++; return text.setIndex(position); }
    @Override public int getBeginIndex() { return text.getBeginIndex(); }
    @Override public int getEndIndex() { return text.getEndIndex(); }
    @Override public int getIndex() { return text.getIndex(); }
    @Override public Object clone() { return new Counted((StringCharacterIterator) text.clone(), reads); }
  }

  /** Characters read to answer a highlighter's questions around every 40th character of a long passage. */
  private static long readsAroundMatches(BreakIterator it, String text) {
    long[] reads = {0};
    it.setText(new Counted(new StringCharacterIterator(text), reads));
    for (int offset = 1; offset < text.length(); offset += 40) {
      it.preceding(offset);
      it.following(offset);
    }
    return reads[0];
  }

  @Test
  void aLongPassageIsReadOnceNotOncePerMatch() {
    String passage = String.join(" ", Collections.nCopies(40, ABSTRACT.replace('\n', ' ')));
    long forward = readsAroundMatches(new ForwardSentences(), passage);
    long jdk = readsAroundMatches(BreakIterator.getSentenceInstance(Locale.ENGLISH), passage);
    assertTrue(forward < 8L * passage.length(), forward + " characters read of " + passage.length());
    assertTrue(jdk > 10 * forward, "the JDK's own search reads " + jdk + ", this " + forward);
  }
}
