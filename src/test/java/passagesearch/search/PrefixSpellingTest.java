package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.config.IndexConfig;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;
import passagesearch.query.QueryParser;

/**
 * A prefix meets the index as a whole word does (issue 14): through the spelling variants, and with an
 * acronym kept as written. The passages a query matches, against a real index of the seed corpus.
 */
class PrefixSpellingTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();
  static OpenIndex index;
  static QueryTranslator translator;

  @BeforeAll
  static void open() {
    IndexConfig config = SEED.config();
    index = SEED.index();
    translator = new QueryTranslator(index.analyzer(), Map.of(
        Fields.TEXT, config.ranking().textWeight(),
        Fields.HEADINGS, config.ranking().headingsWeight(),
        Fields.TITLE, config.ranking().titleWeight()));
  }

  /** The documents the typed query matches. */
  static Set<Integer> matched(String typed) {
    IndexSearcher searcher = index.searcher();
    try {
      var hits = searcher.search(translator.translate(QueryParser.parse(typed)), searcher.getIndexReader().maxDoc());
      return new TreeSet<>(Arrays.stream(hits.scoreDocs).map(d -> d.doc).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aBritishPrefixMatchesWhatTheAmericanOneMatches() {
    assertFalse(matched("leukem*").isEmpty());
    assertEquals(matched("leukem*"), matched("leukaem*"));
    assertEquals(matched("leukemi*"), matched("leukaemi*"));
    assertEquals(matched("tumor*"), matched("tumour*"));
    assertEquals(matched("hematolog*"), matched("haematolog*"));
    assertEquals(matched("leukemia"), matched("leukaemia"));
  }

  @Test
  void anAcronymPrefixIsCaseSensitiveAsTheAcronymIs() {
    assertNotEquals(matched("ALL"), matched("all"));
    assertEquals(matched("ALL"), matched("ALL*")); // no other indexed term starts with the acronym as written
    assertNotEquals(matched("ALL*"), matched("all*"));
    assertTrue(matched("all*").containsAll(matched("all")));
  }

  @Test
  void theSearchFindsAsManyEitherWay() {
    SearchService search = new SearchService(index);
    for (List<String> pair : List.of(List.of("leukaem*", "leukem*"), List.of("tumour*", "tumor*"))) {
      assertEquals(total(search, pair.get(1)), total(search, pair.get(0)), pair.toString());
    }
  }

  @Test
  void theSnippetMarksWhatABritishPrefixMatched() {
    SearchHit top = new SearchService(index).search(
        new SearchRequest("leukaem*", 10, 0, List.of(), List.of(), false)).hits().getFirst();
    assertTrue(top.snippet().contains("<mark>leukemia</mark>"), top.snippet());
  }

  static long total(SearchService search, String q) {
    return search.search(new SearchRequest(q, 10, 0, List.of(), List.of(), false)).total();
  }
}
