package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;

/**
 * Flattening leaves what Lucene's rewrite would after several passes, so the rewrite has nothing left to do
 * there, and the same passages match with the same scores.
 */
class FlatQueryTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();
  static OpenIndex index;

  @BeforeAll
  static void open() {
    index = SEED.index();
  }

  @Test
  void nestedDisjunctionsBecomeOneAndTheRewriteLeavesThem() throws IOException {
    Query nested = any(t("blinatumomab"), any(t("side"), new BoostQuery(any(t("effect"), any(t("fever"))), 0.8f)));
    Query flat = FlatQuery.of(nested);
    assertEquals(any(t("blinatumomab"), t("side"), new BoostQuery(any(t("effect"), t("fever")), 0.8f)), flat);
    IndexSearcher searcher = index.searcher();
    assertSame(flat, flat.rewrite(searcher), "nothing left for a rewrite pass to change");
    assertEquals(searcher.rewrite(nested), searcher.rewrite(flat), "the rewrite ends where it did");
    sameHits(nested, flat);
  }

  @Test
  void loneClausesAreUnwrappedOnlyWhereTheyScoreAsThemselves() {
    Query must = new BooleanQuery.Builder().add(any(t("side"), t("effect")), Occur.MUST).build();
    assertEquals(any(t("side"), t("effect")), FlatQuery.of(must));
    Query filter = new BooleanQuery.Builder().add(t("side"), Occur.FILTER).build();
    assertSame(filter, FlatQuery.of(filter), "a lone filter scores nothing: it stays");
    Query required = new BooleanQuery.Builder().add(t("side"), Occur.MUST).add(any(t("effect"), t("fever")), Occur.MUST).build();
    assertSame(required, FlatQuery.of(required), "a required disjunction is not an optional one");
    Query twoOf = new BooleanQuery.Builder().setMinimumNumberShouldMatch(2)
        .add(t("side"), Occur.SHOULD).add(any(t("effect"), t("fever")), Occur.SHOULD).add(t("nausea"), Occur.SHOULD).build();
    assertSame(twoOf, FlatQuery.of(twoOf), "flattening under a minimum to match would change what matches");
  }

  @Test
  void theSamePassagesMatchWithTheSameScores() throws IOException {
    Query withExclusion = new BooleanQuery.Builder()
        .add(any(t("leukaemia"), any(t("treatment"), any(t("children"), t("fertility")))), Occur.MUST)
        .add(new BoostQuery(any(t("side"), any(t("effect"))), 0.5f), Occur.SHOULD)
        .add(t("blinatumomab"), Occur.MUST_NOT).build();
    sameHits(withExclusion, FlatQuery.of(withExclusion));
  }

  private static void sameHits(Query a, Query b) throws IOException {
    IndexSearcher searcher = index.searcher();
    TopDocs x = searcher.search(a, 100);
    TopDocs y = searcher.search(b, 100);
    assertEquals(x.totalHits, y.totalHits);
    assertArrayEquals(Arrays.stream(x.scoreDocs).mapToInt(d -> d.doc).toArray(), Arrays.stream(y.scoreDocs).mapToInt(d -> d.doc).toArray());
    for (int i = 0; i < x.scoreDocs.length; i++) {
      assertEquals(x.scoreDocs[i].score, y.scoreDocs[i].score, 1e-6f);
    }
  }

  private static Query any(Query... qs) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Arrays.stream(qs).forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }

  private static Query t(String word) {
    return new TermQuery(new Term(Fields.TEXT, word));
  }
}
