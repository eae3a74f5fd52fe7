package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;
import passagesearch.embed.Encoder;

/** The sentence nearest the query, as a snippet, with the model's work and what it keeps bounded. */
class MeaningSnippetTest {
  final Encoder encoder = TestSupport.models().await();

  @Test
  void theSnippetIsThePassagesSentenceNearestTheQueryEscapedAsTheHighlighterEscapes() {
    MeaningSnippet snippets = new MeaningSnippet(new CacheCounters());
    String text = "Blood counts are checked every week. Treatment can cause infertility in men & women (<10% recover). "
        + "The ward has a garden.";
    String snippet = snippets.of(text, encoder.query("will I be able to have a baby"), encoder, 320);
    assertEquals("Treatment can cause infertility in men &amp; women (&lt;10% recover).", snippet);
    assertEquals(Snippets.escape("Treatment can cause infertility in men & women (<10% recover)."), snippet);
  }

  @Test
  void aSentenceWithNoEndInSightIsEmbeddedButNotKept() {
    MeaningSnippet snippets = new MeaningSnippet(new CacheCounters());
    String runOn = "word after word without an end ".repeat(250); // 7,750 characters, one sentence
    snippets.of(runOn.strip() + ". The ward has a garden.", encoder.query("word"), encoder, 320);
    assertEquals("The ward has a garden.".length(), snippets.keptChars(),
        "a sentence over " + KeptVectors.MAX_CHARS + " characters is not kept");
    String snippet = snippets.of(runOn, encoder.query("word"), encoder, 320);
    assertTrue(snippet.length() <= 320 && snippet.endsWith("…"), snippet);
    snippets.of("A short sentence. Another one.", encoder.query("short"), encoder, 320);
    assertEquals("The ward has a garden.".length() + "A short sentence.".length() + "Another one.".length(),
        snippets.keptChars());
  }

  @Test
  void aPassageOfOneSentenceShowsItWithNoModelCall() {
    MeaningSnippet snippets = new MeaningSnippet(new CacheCounters());
    assertEquals("Treatment can cause infertility &amp; fatigue.",
        snippets.of("  Treatment can cause infertility & fatigue.\n", encoder.query("will I be able to have a baby"), encoder, 320));
    assertEquals(0, snippets.keptChars(), "the model read no sentence (a short one it read would be kept)");
  }
}
