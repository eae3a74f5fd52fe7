package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

/**
 * Paging over a corpus of near-duplicates: 12 sources each quoting some of 70 paragraphs, every quote with
 * one word of its own, so each paragraph matches up to four times and is shown once.
 */
class PagingTest {
  static final int PARAGRAPHS = 70;
  static final int SOURCES = 12;
  static final String[] WORDS = ("garden river window mountain pencil harbour candle meadow lantern orchard "
      + "violin castle pebble thunder saddle blanket compass ladder marble feather anchor basket chimney "
      + "dolphin engine falcon glacier hammer island jacket kettle lemon mirror needle oyster parcel quiver "
      + "ribbon shovel tunnel umbrella valley wagon yarrow zephyr bramble cobalt dagger ember fiddle goblet "
      + "hollow ivory jasmine kernel lagoon mantle nectar oracle pillar quartz rafter sapphire timber velvet "
      + "walnut willow beacon cedar drift echo fable granite heron").split(" ");

  @TempDir static Path tmp;
  static SearchService search;
  static int matches;

  @BeforeAll
  static void build() {
    Random random = new Random(13);
    List<List<String>> paragraphs = new ArrayList<>();
    for (int p = 0; p < PARAGRAPHS; p++) {
      List<String> words = new ArrayList<>();
      for (int w = 0; w < 90; w++) {
        words.add(WORDS[random.nextInt(WORDS.length)]);
      }
      for (int k = 0; k <= p % 4; k++) {
        // Some paragraphs say "leukaemia" more often, at different places: scores differ.
        words.set(random.nextInt(80), "leukaemia");
      }
      paragraphs.add(words);
    }
    StringBuilder[] sources = new StringBuilder[SOURCES];
    for (int s = 0; s < SOURCES; s++) {
      sources[s] = new StringBuilder("Source number " + (char) ('A' + s) + "\n\n");
    }
    for (int p = 0; p < PARAGRAPHS; p++) {
      // Quoted by one to four sources; the first source quotes many, so its later hits decay.
      int quotes = 1 + p % 4;
      for (int q = 0; q < quotes; q++) {
        int s = q == 0 && p % 3 == 0 ? 0 : (p * 5 + q * 7) % SOURCES;
        List<String> quoted = new ArrayList<>(paragraphs.get(p));
        quoted.set(85, "variant" + (char) ('a' + q));
        if (!sources[s].toString().contains(String.join(" ", paragraphs.get(p).subList(0, 20)))) {
          sources[s].append("Notes on ").append(WORDS[p % WORDS.length]).append(' ')
              .append(WORDS[(p * 3 + 1) % WORDS.length]).append("\n\n")
              .append(String.join(" ", quoted)).append(".\n\n");
          matches++;
        }
      }
    }
    Path corpus = tmp.resolve("corpus");
    for (int s = 0; s < SOURCES; s++) {
      TestSupport.write(corpus.resolve("source-" + (char) ('a' + s) + ".txt"), sources[s].toString());
    }
    // Folding and totals over what the words match; SemanticSearchTest pages a hybrid ranking.
    search = TestSupport.lexicalSearch(corpus, tmp.resolve("index"));
  }

  @AfterAll
  static void close() {
    search.close();
  }

  static SearchResponse page(int limit, int offset) {
    return search.search(new SearchRequest("leukaemia", limit, offset, List.of(), List.of(), false));
  }

  @Test
  void pagesOfTenAreDisjointCutsOfOneRanking() {
    SearchResponse first = page(50, 0);
    List<String> fifties = new ArrayList<>(first.hits().stream().map(SearchHit::id).toList());
    page(50, 50).hits().forEach(h -> fifties.add(h.id()));
    List<String> tens = new ArrayList<>();
    for (int offset = 0; ; offset += 10) {
      SearchResponse page = page(10, offset);
      assertEquals(first.total(), page.total(), "total at offset " + offset);
      assertEquals(first.facets(), page.facets(), "facets at offset " + offset);
      if (page.hits().isEmpty()) {
        break;
      }
      page.hits().forEach(h -> tens.add(h.id()));
    }
    assertEquals(fifties, tens, "pages of ten cut the ranking that pages of fifty cut");
    assertEquals(tens.size(), new HashSet<>(tens).size(), "no passage on two pages");
    assertEquals(PARAGRAPHS, tens.size(), "each paragraph once, however many sources quote it");
    assertEquals(tens, search.rankIds("leukaemia", 1000), "evaluation ranks as search does");
  }

  @Test
  void theTotalIsTheMatchesLessTheDuplicatesFoldedInTheFirstWindow() {
    SearchResponse r = page(10, 0);
    assertEquals(167, matches, "passages that say leukaemia");
    // The best 50 matches (the window) quote 17 paragraphs: the 33 quotes folded into them are not counted.
    // Quotes past the window are (a total that does not hang on how deep a page looked).
    assertEquals(167 - 33, r.total());
    assertEquals(r.total(), r.facets().get("source").values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(r.total(), page(10, 1000).total(), "the last offset has the same total");
  }
}
