package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;

/**
 * A query analysed for the text and moved to the headings or the title is the query analysed for that field:
 * words, synonyms (one word and several), spelling variants, acronyms and phrases, by both query chains.
 */
class OnOtherFieldTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();
  static OpenIndex index;

  @BeforeAll
  static void open() {
    index = SEED.index();
  }

  static final String[] TEXTS = {"imatinib", "bone marrow transplant", "chemo", "leukaemia", "ALL", "CAR-T cells",
      "side effects", "stem cell transplant recovery", "Gleevec", "anti-CD52", "the of", "tiredness after chemo",
      "B-cell acute lymphoblastic leukemia", "x"};

  @Test
  void theMovedQueryIsTheQueryOfThatField() {
    Set<String> kinds = new HashSet<>();
    for (Analyzer analyzer : new Analyzer[] {index.analyzer(), index.expandingAnalyzer()}) {
      QueryBuilder builder = new QueryBuilder(analyzer);
      for (String text : TEXTS) {
        for (boolean phrase : new boolean[] {false, true}) {
          Query onText = phrase ? builder.createPhraseQuery(Fields.TEXT, text, 2) : builder.createBooleanQuery(Fields.TEXT, text, Occur.MUST);
          for (String field : new String[] {Fields.HEADINGS, Fields.TITLE}) {
            Query direct = phrase ? builder.createPhraseQuery(field, text, 2) : builder.createBooleanQuery(field, text, Occur.MUST);
            if (onText == null) {
              assertEquals(null, direct, text);
              continue;
            }
            Query moved = OnOtherField.of(onText, field);
            assertNotNull(moved, "not moved: " + onText);
            assertEquals(direct, moved, text + (phrase ? " as a phrase" : ""));
            kinds.add(onText.getClass().getSimpleName());
          }
        }
      }
    }
    assertTrue(kinds.containsAll(Set.of("TermQuery", "SynonymQuery", "BooleanQuery", "PhraseQuery")), kinds.toString());
  }
}
