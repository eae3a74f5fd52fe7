package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The query the highlighter marks the passage text with: the text field's part of the search query. */
class SnippetQueryTest {
  private static Query term(String field, String word) {
    return new TermQuery(new Term(field, word));
  }

  private static Query anyField(String word) {
    return new BooleanQuery.Builder()
        .add(term("text", word), Occur.SHOULD)
        .add(term("headings", word), Occur.SHOULD)
        .add(new BoostQuery(term("title", word), 0.1f), Occur.SHOULD)
        .build();
  }

  @Test
  void aWordRequiredInAnyFieldIsNoLongerRequiredInTheText() {
    Query query = new BooleanQuery.Builder().add(anyField("ph"), Occur.MUST).add(anyField("ALL"), Occur.MUST).build();
    assertEquals("(text:ph) (text:ALL)", Snippets.onField(query, "text").toString());
  }

  @Test
  void aGroupWhollyOnTheTextStaysRequiredAndPhrasesStayPhrases() {
    Query group = new BooleanQuery.Builder()
        .add(term("text", "philadelphia"), Occur.MUST)
        .add(term("text", "posit"), Occur.MUST)
        .build();
    Query phrase = new PhraseQuery("text", "side", "effect");
    Query query = new BooleanQuery.Builder()
        .add(group, Occur.SHOULD)
        .add(new BoostQuery(phrase, 0.25f), Occur.SHOULD)
        .add(term("headings", "side"), Occur.SHOULD)
        .build();
    assertEquals("(+text:philadelphia +text:posit) (text:\"side effect\")^0.25",
        Snippets.onField(query, "text").toString());
    assertSame(group, Snippets.onField(group, "text"));
  }

  @Test
  void exclusionsAndOtherFieldsAreLeftOut() {
    Query query = new BooleanQuery.Builder()
        .add(anyField("imatinib"), Occur.SHOULD)
        .add(term("text", "children"), Occur.MUST_NOT)
        .build();
    assertEquals("(text:imatinib)", Snippets.onField(query, "text").toString());
    assertNull(Snippets.onField(term("headings", "side"), "text"));
  }
}
