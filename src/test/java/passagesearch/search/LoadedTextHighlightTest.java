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
      IndexSearcher searcher = index.searcher();
      int compared = 0;
      for (String typed : new String[] {"blinatumomab side effects", "stem cell transplant", "\"side effects\"",
          "fertility after treatment", "chemo tiredness", "imatinib OR dasatinib"}) {
        Query words = Snippets.onField(factory.words(QueryParser.parse(typed)), Fields.TEXT);
        TopDocs top = searcher.search(words, 40);
        int[] docs = Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
        String[] texts = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
          texts[i] = searcher.storedFields().document(docs[i]).get(Fields.TEXT);
        }
        String[] stock = highlighter.highlight(Fields.TEXT, words, top, 2);
        Object[] loaded = highlighter.highlight(Fields.TEXT, words, docs, texts, 2);
        assertArrayEquals(stock, Arrays.stream(loaded).map(o -> o == null ? null : o.toString()).toArray(), typed);
        compared += docs.length;
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
    IndexSearcher searcher = index.searcher();
    int marked = 0;
    for (String typed : new String[] {"blinatumomab side effects", "\"stem cell transplant\" risks", "imatinib OR dasatinib",
        "chemotherapy -children", "fertility after treatment", "leukaemia treatment zzyzx", "ALL maintenance months",
        "tiredness and hair loss", "CAR-T cytokine release syndrome"}) {
      Query words = Snippets.onField(factory.words(QueryParser.parse(typed)), Fields.TEXT);
      TopDocs top = searcher.search(words, 40);
      int[] docs = Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
      String[] texts = new String[docs.length];
      for (int i = 0; i < docs.length; i++) {
        texts[i] = searcher.storedFields().document(docs[i]).get(Fields.TEXT);
      }
      String[] expected = lucene.highlight(Fields.TEXT, words, top, 2);
      Object[] found = ours.highlight(Fields.TEXT, words, docs, texts, 2);
      assertArrayEquals(expected, Arrays.stream(found).map(o -> o == null ? null : o.toString()).toArray(), typed);
      marked += (int) Arrays.stream(expected).filter(e -> e != null && e.contains("<mark>")).count();
    }
    assertTrue(marked > 100, "marked " + marked + " snippets");
  }
}
