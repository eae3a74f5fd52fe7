package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.embed.ModelSlot;

/** A question's weights built once per generation: reused whatever the filters, and scoring as the query would. */
class WeighedOnceTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();

  private static Served served() {
    return Served.of(SEED.index(), ModelSlot.off("test"), new EnglishWords(), new CacheCounters(), new KeptCounters());
  }

  @Test
  void aWeightIsBuiltOncePerScoreModeForEverySearcherOfTheGeneration() throws Exception {
    IndexSearcher searcher = SEED.index().searcher();
    Query scored = served().prepared().of("imatinib side effects").scored();
    var first = searcher.createWeight(scored, ScoreMode.COMPLETE, 1f);
    assertSame(first, searcher.createWeight(scored, ScoreMode.COMPLETE, 1f));
    assertSame(first, SEED.index().searcher(System.nanoTime() + 1_000_000_000L).createWeight(scored, ScoreMode.COMPLETE, 1f),
        "a search's time-limited searcher reads the same index with the same similarity");
    assertNotSame(first, searcher.createWeight(scored, ScoreMode.TOP_SCORES, 1f), "another score mode, another weight");
    var boosted = searcher.createWeight(scored, ScoreMode.COMPLETE, 0.5f);
    assertTrue(boosted instanceof ScaledWeight, "another boost (a hybrid search's scale) scales the kept weight");
    assertSame(scored, searcher.rewrite(scored), "rewritten once, when it was read");
  }

  @Test
  void everyFilteredSearchScoresAsTheQueryItHolds() throws Exception {
    Served served = served();
    IndexSearcher searcher = SEED.index().searcher();
    QueryFactory factory = served.queries();
    for (String question : List.of("imatinib side effects", "how long does maintenance last", "CAR T cell therapy")) {
      PreparedQueries.Prepared prepared = served.prepared().of(question);
      Query plain = searcher.rewrite(factory.scored(prepared.words(), prepared.meaning()));
      assertTrue(prepared.scored() instanceof WeighedOnce, prepared.scored().getClass().getName());
      for (List<String> tags : List.of(List.<String>of(), List.of("all"), List.of("side-effects"), List.of("cml"))) {
        TopDocs kept = searcher.search(factory.demotingStubs(factory.filtered(prepared.scored(), tags, List.of())), 20);
        TopDocs fresh = searcher.search(factory.demotingStubs(factory.filtered(plain, tags, List.of())), 20);
        assertEquals(fresh.totalHits, kept.totalHits, question + " " + tags);
        assertTrue(!tags.isEmpty() || fresh.scoreDocs.length > 3, question + " finds passages");
        assertArrayEquals(docsAndScores(fresh), docsAndScores(kept), question + " " + tags);
      }
    }
  }

  @Test
  void aBoostScalesTheKeptScoresAsLuceneWouldBoostTheQuery() throws Exception {
    Served served = served();
    IndexSearcher searcher = SEED.index().searcher();
    float scale = 0.37f;
    for (String question : List.of("imatinib side effects", "how long does maintenance last", "CAR T cell therapy")) {
      PreparedQueries.Prepared prepared = served.prepared().of(question);
      Query plain = searcher.rewrite(served.queries().scored(prepared.words(), prepared.meaning()));
      TopDocs unscaled = searcher.search(prepared.scored(), 30);
      TopDocs kept = searcher.search(new BoostQuery(prepared.scored(), scale), 30);
      TopDocs fresh = searcher.search(new BoostQuery(plain, scale), 30);
      assertEquals(fresh.totalHits, kept.totalHits, question);
      assertTrue(kept.scoreDocs.length > 3, question + " finds passages");
      for (int i = 0; i < kept.scoreDocs.length; i++) {
        ScoreDoc k = kept.scoreDocs[i];
        assertEquals(fresh.scoreDocs[i].doc, k.doc, question + " #" + i);
        assertEquals(fresh.scoreDocs[i].score, k.score, k.score * 1e-6, question + " #" + i);
        assertEquals(unscaled.scoreDocs[i].score * scale, k.score, 0f, "exactly the kept score times the scale");
        assertEquals(k.score, searcher.explain(new BoostQuery(prepared.scored(), scale), k.doc).getValue().floatValue(),
            k.score * 1e-6, question + ": the explanation adds up to the score");
      }
    }
  }

  private static String[] docsAndScores(TopDocs top) {
    return Arrays.stream(top.scoreDocs).map((ScoreDoc d) -> d.doc + ":" + d.score).toArray(String[]::new);
  }
}
