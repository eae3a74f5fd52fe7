package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
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

  private static Query combined(String word, String... fields) {
    CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(word);
    for (String f : fields) {
      b.addField(f, 1f);
    }
    return b.build();
  }

  @Test
  void aWordScoredOverTheFieldsAsOneIsMarkedByItsTermInTheTextWhereItIsOptional() {
    Query query = new BooleanQuery.Builder()
        .add(new BoostQuery(combined("imatinib", "text", "headings", "title"), 1.8f), Occur.SHOULD)
        .add(combined("side", "headings", "title"), Occur.SHOULD)
        .build();
    assertEquals("(text:imatinib)^1.8", Snippets.onField(query, "text").toString());
    assertEquals("text:imatinib", Snippets.onField(combined("imatinib", "text", "title"), "text").toString());
    assertNull(Snippets.onField(combined("side", "headings", "title"), "text"));
  }

  @Test
  void aWordScoredOverTheFieldsAsOneStaysWholeUnderARequiredClause() {
    // "young adults", a synonym of TYA: both words required, each in any field. Narrowed to the text, a passage
    // with "young" only in its title would no longer match the pair, and lose the mark on "adults".
    Query pair = new BooleanQuery.Builder()
        .add(combined("young", "text", "title"), Occur.MUST)
        .add(combined("adults", "text", "title"), Occur.MUST)
        .build();
    Query query = new BooleanQuery.Builder()
        .add(pair, Occur.SHOULD)
        .add(combined("tya", "text", "title"), Occur.SHOULD)
        .build();
    Query expected = new BooleanQuery.Builder().add(pair, Occur.SHOULD).add(term("text", "tya"), Occur.SHOULD).build();
    assertEquals(expected, Snippets.onField(query, "text"));
    Query required = new BooleanQuery.Builder().add(combined("tya", "text", "title"), Occur.MUST).build();
    assertSame(required, Snippets.onField(required, "text"));
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
