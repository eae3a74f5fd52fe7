package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sentence boundaries found in a text read from an array are the JDK's own, read from the string: asked
 * forwards, backwards and from every offset, over the seed corpus's texts and some that trouble sentence rules
 * (abbreviations, decimals, quotes, characters beyond Latin-1 and beyond the basic plane).
 */
class ArrayTextBreaksTest {
  @Test
  void theBoundariesAreTheJdksOwn() throws IOException {
    List<String> texts = new ArrayList<>(List.of(
        "Dr. Smith gave 2.5 mg i.v. daily. Then? \u201cYes.\u201d The U.S. trial (n = 40) ended.",
        "Leukaemia \u2013 what\u2019s next\u2026 Nothing. \uD83D\uDE00 Smile! ok",
        "", "One", "no end here", ". . .", "A.\n\nB.\r\nC"));
    try (Stream<Path> files = Files.list(Path.of("corpus"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(file);
        texts.add(text.substring(0, Math.min(text.length(), 6000)));
      }
    }
    int asked = 0;
    for (String text : texts) {
      BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ENGLISH);
      BreakIterator ours = new ArrayTextBreaks(BreakIterator.getSentenceInstance(Locale.ENGLISH));
      jdk.setText(text);
      ours.setText(text);
      assertEquals(jdk.first(), ours.first());
      for (int b = jdk.next(); ; b = jdk.next()) {
        assertEquals(b, ours.next(), text);
        if (b == BreakIterator.DONE) {
          break;
        }
      }
      assertEquals(jdk.last(), ours.last());
      for (int b = jdk.previous(); ; b = jdk.previous()) {
        assertEquals(b, ours.previous(), text);
        if (b == BreakIterator.DONE) {
          break;
        }
      }
      for (int at = 0; at <= text.length(); at += 1 + at % 7) {
        if (at < text.length()) {
          assertEquals(jdk.following(at), ours.following(at), "following " + at);
        }
        if (at > 0) {
          assertEquals(jdk.preceding(at), ours.preceding(at), "preceding " + at);
        }
        assertEquals(jdk.isBoundary(at), ours.isBoundary(at), "boundary " + at);
        assertEquals(jdk.current(), ours.current());
        asked++;
      }
    }
    assertTrue(asked > 3000, "asked " + asked + " offsets");
  }

  /** Through the iterator it is given, the JDK's string iterator and ours walk a text alike. */
  @Test
  void theCharactersAreWalkedAsTheJdkWalksAString() {
    for (String text : List.of("", "a", "ab.", "Side effects. Fatigue!")) {
      BreakIterator ours = new ArrayTextBreaks(BreakIterator.getSentenceInstance(Locale.ENGLISH));
      ours.setText(text);
      java.text.CharacterIterator mine = ours.getText();
      java.text.CharacterIterator jdk = new java.text.StringCharacterIterator(text);
      assertEquals(jdk.getEndIndex(), mine.getEndIndex());
      assertEquals(jdk.last(), mine.last(), text);
      assertEquals(jdk.getIndex(), mine.getIndex(), text);
      assertEquals(jdk.next(), mine.next(), text);
      assertEquals(jdk.getIndex(), mine.getIndex(), text);
      assertEquals(jdk.previous(), mine.previous(), text);
      assertEquals(jdk.first(), mine.first(), text);
      assertEquals(jdk.previous(), mine.previous(), text);
      for (char c = jdk.current(); c != java.text.CharacterIterator.DONE; c = jdk.next()) {
        assertEquals(c, mine.current(), text);
        java.text.CharacterIterator copy = (java.text.CharacterIterator) mine.clone();
        assertEquals(jdk.next(), mine.next(), text);
        assertEquals(c, copy.current(), "a clone keeps its own place");
        jdk.previous();
        mine.previous();
        mine.next();
      }
      assertEquals(jdk.setIndex(text.length()), mine.setIndex(text.length()), text);
    }
  }
}
