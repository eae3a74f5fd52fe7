package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.config.IndexConfig;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;
import passagesearch.query.QueryParser;

/**
 * Marking the texts a search has already read gives the very snippets Lucene's own path gives, which reads
 * the stored texts again: for seed queries and all their hits, with texts cut at the highlighter's
 * maximum length as the stock loading cuts them.
 */
class LoadedTextHighlightTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();
  static OpenIndex index;
  static QueryFactory factory;

  @BeforeAll
  static void open() {
    IndexConfig config = SEED.config();
    index = SEED.index();
    factory = new QueryFactory(index.analyzer(), index.expandingAnalyzer(), config.ranking(), Set.of());
  }

  @Test
  void theSnippetsAreThoseOfTheStockPath() throws IOException {
    for (int maxLength : new int[] {UnifiedHighlighter.DEFAULT_MAX_LENGTH, 120}) {
      OneWeightHighlighter highlighter = new OneWeightHighlighter(UnifiedHighlighter.builder(index.searcher(),
          index.analyzer()).withMaxLength(maxLength).withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)));
      int compared = 0;
      for (String typed : new String[] {"blinatumomab side effects", "stem cell transplant", "\"side effects\"",
          "fertility after treatment", "chemo tiredness", "imatinib OR dasatinib"}) {
        Hits hits = hits(typed);
        assertArrayEquals(highlighter.highlight(Fields.TEXT, hits.words(), hits.top(), 2), loaded(highlighter, hits), typed);
        compared += hits.docs().length;
      }
      assertTrue(compared > 60, "compared " + compared + " snippets");
    }
  }

  /**
   * The words asked through {@link HighlightedTerm}, their enums reused from hit to hit, mark what Lucene's own
   * highlighter marks, building its weight anew for each hit: phrases, synonyms, alternatives, excluded words,
   * words found nowhere and words some hits lack, over every hit of each query.
   */
  @Test
  void theMarksAreThoseOfLucenesOwnHighlighter() throws IOException {
    DefaultPassageFormatter format = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
    UnifiedHighlighter lucene = UnifiedHighlighter.builder(index.searcher(), index.analyzer()).withFormatter(format).build();
    OneWeightHighlighter ours = new OneWeightHighlighter(UnifiedHighlighter.builder(index.searcher(), index.analyzer())
        .withFormatter(format));
    int marked = 0;
    for (String typed : new String[] {"blinatumomab side effects", "\"stem cell transplant\" risks", "imatinib OR dasatinib",
        "chemotherapy -children", "fertility after treatment", "leukaemia treatment zzyzx", "ALL maintenance months",
        "tiredness and hair loss", "CAR-T cytokine release syndrome"}) {
      Hits hits = hits(typed);
      String[] expected = lucene.highlight(Fields.TEXT, hits.words(), hits.top(), 2);
      assertArrayEquals(expected, loaded(ours, hits), typed);
      marked += (int) Arrays.stream(expected).filter(e -> e != null && e.contains("<mark>")).count();
    }
    assertTrue(marked > 100, "marked " + marked + " snippets");
  }

  /** A query's words on the text, its first 40 hits and their stored texts. */
  private record Hits(Query words, TopDocs top, int[] docs, String[] texts) {}

  private static Hits hits(String typed) throws IOException {
    IndexSearcher searcher = index.searcher();
    Query words = Snippets.onField(factory.words(QueryParser.parse(typed)), Fields.TEXT);
    TopDocs top = searcher.search(words, 40);
    int[] docs = Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
    String[] texts = new String[docs.length];
    for (int i = 0; i < docs.length; i++) {
      texts[i] = searcher.storedFields().document(docs[i]).get(Fields.TEXT);
    }
    return new Hits(words, top, docs, texts);
  }

  /** The snippets marked in the texts already read. */
  private static String[] loaded(OneWeightHighlighter highlighter, Hits hits) throws IOException {
    Object[] marked = highlighter.highlight(Fields.TEXT, hits.words(), hits.docs(), hits.texts(), 2);
    return Arrays.stream(marked).map(o -> o == null ? null : o.toString()).toArray(String[]::new);
  }
}
