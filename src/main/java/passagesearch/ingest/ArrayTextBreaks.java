package passagesearch.ingest;

import java.text.BreakIterator;
import java.text.CharacterIterator;

/**
 * A break iterator that reads a text given as a string from an array of its characters, and is otherwise the
 * iterator it wraps: the same boundaries, found sooner. The JDK's sentence iterator reads a string through a
 * {@code StringCharacterIterator}, one bounds-checked {@code String.charAt} a character, and it reads much of a
 * passage again on every call (it steps back to a place its rules can restart from): those reads were 70% of
 * the snippets' sentence finding, 7% of a SciFact search's CPU, and most of the 5% of a SciFact build spent
 * finding the sentences a passage may end at (JFR). Used by both: {@link Text#sentenceEnds} and the snippets.
 */
public final class ArrayTextBreaks extends BreakIterator {
  private final BreakIterator wrapped;

  public ArrayTextBreaks(BreakIterator wrapped) {
    this.wrapped = wrapped;
  }

  @Override
  public void setText(String text) {
    wrapped.setText(new Characters(text.toCharArray()));
  }

  @Override
  public void setText(CharacterIterator text) {
    wrapped.setText(text);
  }

  @Override
  public CharacterIterator getText() {
    return wrapped.getText();
  }

  @Override
  public int first() {
    return wrapped.first();
  }

  @Override
  public int last() {
    return wrapped.last();
  }

  @Override
  public int next(int n) {
    return wrapped.next(n);
  }

  @Override
  public int next() {
    return wrapped.next();
  }

  @Override
  public int previous() {
    return wrapped.previous();
  }

  @Override
  public int following(int offset) {
    return wrapped.following(offset);
  }

  @Override
  public int preceding(int offset) {
    return wrapped.preceding(offset);
  }

  @Override
  public boolean isBoundary(int offset) {
    return wrapped.isBoundary(offset);
  }

  @Override
  public int current() {
    return wrapped.current();
  }

  @Override
  public Object clone() {
    return new ArrayTextBreaks((BreakIterator) wrapped.clone());
  }

  /** The characters of an array, walked as {@code StringCharacterIterator} walks a string's. */
  private static final class Characters implements CharacterIterator {
    private final char[] text;
    private int index;

    Characters(char[] text) {
      this.text = text;
    }

    @Override
    public char first() {
      index = 0;
      return current();
    }

    @Override
    public char last() {
      index = text.length == 0 ? 0 : text.length - 1;
      return current();
    }

    @Override
    public char current() {
      return index < text.length ? text[index] : DONE;
    }

    @Override
    public char next() {
      if (index < text.length - 1) {
        return text[++index];
      }
      index = text.length;
      return DONE;
    }

    @Override
    public char previous() {
      return index > 0 ? text[--index] : DONE;
    }

    @Override
    public char setIndex(int position) {
      if (position < 0 || position > text.length) {
        throw new IllegalArgumentException("index " + position + " outside 0.." + text.length);
      }
      index = position;
      return current();
    }

    @Override
    public int getBeginIndex() {
      return 0;
    }

    @Override
    public int getEndIndex() {
      return text.length;
    }

    @Override
    public int getIndex() {
      return index;
    }

    @Override
    public Object clone() {
      try {
        return super.clone(); // the array is never written: the copy shares it, with its own index
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
