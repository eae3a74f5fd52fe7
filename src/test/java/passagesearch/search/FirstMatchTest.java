package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The existence check answers as a count of the same conjunction would: every group must match, any member of
 * a group will do, phrases (matched in two phases) included, deleted passages never.
 */
class FirstMatchTest {
  @TempDir Path tmp;

  @Test
  void existsExactlyWhenACountWouldFindSomething() throws IOException {
    try (Directory dir = FSDirectory.open(tmp)) {
      write(dir, List.of("blinatumomab side effects are fever", "side effects of imatinib", "fertility after treatment",
          "effects side by side", "imatinib and blinatumomab together"), List.of());
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query all = new MatchAllDocsQuery();
        Query noImatinib = new BooleanQuery.Builder().add(all, Occur.FILTER).add(term("imatinib"), Occur.MUST_NOT).build();
        Query sideEffect = new PhraseQuery("text", "side", "effects");
        Object[][] cases = {
            {all, List.of(List.of(term("blinatumomab")), List.of(sideEffect))},
            {all, List.of(List.of(term("fertility")), List.of(term("blinatumomab")))},
            {all, List.of(List.of(term("fertility")), List.of(term("blinatumomab"), term("treatment")))},
            {all, List.of(List.of(term("zzzunheardof"), term("together")), List.of(term("imatinib")))},
            {noImatinib, List.of(List.of(term("imatinib"), term("fertility")))},
            {noImatinib, List.of(List.of(term("together")))},
            {all, List.of(List.of(new PhraseQuery("text", "effects", "side")), List.of(term("fever")))},
            {all, List.of(List.of(new PhraseQuery("text", "effects", "side")), List.of(term("by")))},
        };
        int found = 0;
        for (Object[] c : cases) {
          @SuppressWarnings("unchecked")
          List<List<Query>> groups = (List<List<Query>>) c[1];
          boolean expected = searcher.count(conjunction((Query) c[0], groups)) > 0;
          found += expected ? 1 : 0;
          assertEquals(expected, exists(searcher, (Query) c[0], groups), groups.toString());
        }
        assertEquals(5, found, "the cases cover both answers");
      }
    }
  }

  @Test
  void deletedPassagesAreNotMatches() throws IOException {
    try (Directory dir = FSDirectory.open(tmp)) {
      write(dir, List.of("blinatumomab side effects", "imatinib side effects", "blinatumomab dosing"), List.of("0"));
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query all = new MatchAllDocsQuery();
        assertFalse(exists(searcher, all, List.of(List.of(term("blinatumomab")), List.of(term("effects")))),
            "the only passage with both words is deleted");
        assertTrue(exists(searcher, all, List.of(List.of(term("blinatumomab")), List.of(term("dosing")))));
      }
    }
  }

  private static void write(Directory dir, List<String> texts, List<String> deleted) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < texts.size(); i++) {
        Document d = new Document();
        d.add(new StringField("id", Integer.toString(i), Field.Store.NO));
        d.add(new TextField("text", texts.get(i), Field.Store.NO));
        w.addDocument(d);
      }
      w.commit();
      for (String id : deleted) {
        w.deleteDocuments(new Term("id", id));
      }
    }
  }

  private static boolean exists(IndexSearcher searcher, Query within, List<List<Query>> groups) throws IOException {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer allowed = weigh(searcher, within).scorer(leaf);
      List<List<DocIdSetIterator>> its = new ArrayList<>();
      for (List<Query> group : groups) {
        List<DocIdSetIterator> any = new ArrayList<>();
        for (Query q : group) {
          Scorer s = weigh(searcher, q).scorer(leaf);
          if (s != null) {
            any.add(s.iterator());
          }
        }
        its.add(any);
      }
      if (allowed != null && FirstMatch.exists(allowed.iterator(), its, leaf.reader().getLiveDocs())) {
        return true;
      }
    }
    return false;
  }

  private static org.apache.lucene.search.Weight weigh(IndexSearcher searcher, Query q) throws IOException {
    return searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }

  private static Query conjunction(Query within, List<List<Query>> groups) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(within, Occur.FILTER);
    for (List<Query> group : groups) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      group.forEach(q -> any.add(q, Occur.SHOULD));
      b.add(any.build(), Occur.FILTER);
    }
    return b.build();
  }

  private static Query term(String word) {
    return new TermQuery(new Term("text", word));
  }
}
