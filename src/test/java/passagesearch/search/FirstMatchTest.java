package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;

/** The existence check answers as a count of the matches would, phrases (matched in two phases) included. */
class FirstMatchTest {
  @TempDir static Path tmp;
  static OpenIndex index;

  @BeforeAll
  static void open() {
    index = TestSupport.seedIndex(tmp, TestSupport.loadConfig());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void existsExactlyWhenSomethingMatches() throws IOException {
    IndexSearcher searcher = index.searcher();
    Query[] queries = {
        new TermQuery(new Term(Fields.TEXT, "blinatumomab")),
        new TermQuery(new Term(Fields.TEXT, "zzzunheardof")),
        new PhraseQuery(Fields.TEXT, "side", "effect"),
        new PhraseQuery(Fields.TEXT, "effect", "side"),
        new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.TEXT, "blinatumomab")), Occur.MUST)
            .add(new PhraseQuery(Fields.TEXT, "side", "effect"), Occur.MUST).build(),
        new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.TEXT, "blinatumomab")), Occur.MUST)
            .add(new TermQuery(new Term(Fields.TEXT, "blinatumomab")), Occur.MUST_NOT).build(),
    };
    int found = 0;
    for (Query q : queries) {
      boolean expected = searcher.count(q) > 0;
      found += expected ? 1 : 0;
      assertEquals(expected, FirstMatch.exists(searcher, q), q.toString());
    }
    assertEquals(3, found, "the cases cover both answers");
  }
}
