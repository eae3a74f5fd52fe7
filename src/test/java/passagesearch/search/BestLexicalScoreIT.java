package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.embed.ModelSlot;
import passagesearch.index.OpenIndex;
import passagesearch.index.Pipeline;

/**
 * The best lexical score a hybrid search normalises by, found by scoring every match ({@link BestScore}), is
 * the top of a top-1 search (which skips blocks of postings that cannot beat its hit), to the bit, on
 * SciFact's 1,109 queries (claims of many words, each sought in three fields): the fused scores and ranking
 * do not depend on how the maximum was found.
 */
class BestLexicalScoreIT {
  @TempDir Path tmp;

  @Test
  void scoringEveryMatchFindsTheBestScoreATopOneSearchFinds() throws Exception {
    Path data = TestSupport.root().resolve("../shared/data/scifact").normalize();
    Assumptions.assumeTrue(Files.isRegularFile(data.resolve("corpus.jsonl")), "../shared/data/scifact is not here");
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.createSymbolicLink(corpus.resolve("corpus.jsonl"), data.resolve("corpus.jsonl"));
    IndexConfig config = TestSupport.loadConfig();
    // Words alone: the best lexical score needs no vectors.
    Pipeline pipeline = TestSupport.pipeline(config.withSemantic(config.semantic().withEnabled(false)), tmp.resolve("index"));
    pipeline.build(corpus, false);
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    try (OpenIndex index = pipeline.openCurrent()) {
      Served served = Served.of(index, ModelSlot.off("test"));
      IndexSearcher searcher = index.searcher();
      for (String split : List.of("queries-train.jsonl", "queries-test.jsonl")) {
        for (String line : Files.readAllLines(data.resolve(split))) {
          String q = json.readTree(line).get("text").asText();
          Query lexical = SemanticSearchTest.lexicalQuery(served, q);
          assertEquals(SemanticSearchTest.topOfTopOneSearch(searcher, lexical), BestScore.of(searcher, lexical), q);
          checked++;
        }
      }
    }
    assertTrue(checked > 1000, checked + " queries");
  }
}
