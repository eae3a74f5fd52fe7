package passagesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The embedded index's candidates for a {@link Ranking}: in Lucene's order, best score first and ties by doc
 * id, which is the same order however many are collected; further ones collected after the last.
 */
final class LuceneCandidates implements Ranking.Candidates {
  private final IndexSearcher searcher;
  private final Query query;
  private final ConceptMatcher concepts;
  private final List<ScoreDoc> collected;
  private boolean exhausted;

  /**
   * @param searcher the searcher that collected {@code first}, to collect further candidates with
   * @param first the best candidates, collected by {@link #collector} for {@code asked} hits
   * @param concepts the query's concepts, to say how each candidate covers them
   */
  LuceneCandidates(IndexSearcher searcher, Query query, TopDocs first, int asked, ConceptMatcher concepts) {
    this.searcher = searcher;
    this.query = query;
    this.concepts = concepts;
    this.collected = new ArrayList<>(Arrays.asList(first.scoreDocs));
    this.exhausted = first.scoreDocs.length < asked || searcher.timedOut();
  }

  /**
   * Collects the best {@code n} candidates after {@code after} (from the best when null), counting every
   * match: the same scoring however deep, so candidates collected in steps line up.
   */
  static TopScoreDocCollectorManager collector(int n, ScoreDoc after) {
    return new TopScoreDocCollectorManager(n, after, Integer.MAX_VALUE);
  }

  @Override
  public int collected() {
    return collected.size();
  }

  @Override
  public float score(int i) {
    return collected.get(i).score;
  }

  @Override
  public List<ResultShaper.Candidate> read(int from, int to) throws IOException {
    return ResultShaper.candidates(searcher, collected, from, to, concepts);
  }

  @Override
  public boolean collectMore(int asked) throws IOException {
    if (exhausted) {
      return false;
    }
    TopDocs next = searcher.search(query, collector(asked, collected.get(collected.size() - 1)));
    if (searcher.timedOut()) {
      exhausted = true;
      return false;
    }
    collected.addAll(Arrays.asList(next.scoreDocs));
    exhausted = next.scoreDocs.length < asked;
    return next.scoreDocs.length > 0;
  }
}
