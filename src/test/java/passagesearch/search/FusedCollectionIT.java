package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.embed.ModelSlot;
import passagesearch.index.OpenIndex;
import passagesearch.index.Pipeline;

/**
 * A hybrid search's one pass over the matches ({@link FusedCollection}) finds what the fused query collected
 * whole finds, to the bit, on SciFact's 1,109 queries: claims of many words, matching thousands of its 9,546
 * passages, where the candidates kept are a small part of the matches. The passages that join by meaning are
 * drawn at random for each query (some of them among its lexical matches), with random similarities, over an
 * index built without vectors: the collection does not ask where they came from, and embedding SciFact would
 * take the test minutes.
 */
class FusedCollectionIT {
  @TempDir Path tmp;

  @Test
  void onePassFindsWhatTheFusedQueryFindsWholeOnSciFact() throws Exception {
    Path data = TestSupport.root().resolve("../shared/data/scifact").normalize();
    Assumptions.assumeTrue(Files.isRegularFile(data.resolve("corpus.jsonl")), "../shared/data/scifact is not here");
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.createSymbolicLink(corpus.resolve("corpus.jsonl"), data.resolve("corpus.jsonl"));
    IndexConfig config = TestSupport.loadConfig();
    Pipeline pipeline = TestSupport.pipeline(config.withSemantic(config.semantic().withEnabled(false)), tmp.resolve("index"));
    pipeline.build(corpus, false);
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    try (OpenIndex index = pipeline.openCurrent()) {
      Served served = Served.of(index, ModelSlot.off("test"), new EnglishWords(), new CacheCounters(), new KeptCounters());
      IndexSearcher searcher = index.searcher();
      int passages = searcher.getIndexReader().maxDoc();
      for (String split : List.of("queries-train.jsonl", "queries-test.jsonl")) {
        for (String line : Files.readAllLines(data.resolve(split))) {
          String q = json.readTree(line).get("text").asText();
          Fusion words = AsOneCollection.fusion(served, q);
          Random random = new Random(q.hashCode());
          // Forty passages anywhere, ten among the query's best lexical matches.
          int[] docs = IntStream.concat(random.ints(40, 0, passages),
                  Arrays.stream(searcher.search(words.lexical(), 10).scoreDocs).mapToInt(h -> h.doc))
              .distinct().toArray();
          float[] scores = new float[docs.length];
          for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextFloat();
          }
          Fusion fusion = new Fusion(words.lexical(), RetrievalMode.hybrid(), null,
              new DocScoresQuery(searcher.getIndexReader(), docs, scores), 0.9f * random.nextFloat(), checked % 3 == 0);
          for (int depth : List.of(51, 11)) {
            AsOneCollection.check(searcher, fusion, served.queries()::demotingStubs, depth, q + " @" + depth);
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 1000, checked + " queries");
  }
}
