package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;

/** The generation's norms read from the heap: the file's own values, so the same BM25F scores. */
class HeapNormsTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();

  @Test
  void everyNormIsTheFilesOwnDocumentByDocument() throws Exception {
    DirectoryReader served = (DirectoryReader) SEED.index().searcher().getIndexReader();
    assertInstanceOf(HeapNorms.class, served, "a generation opens with its norms in the heap");
    long held = ((HeapNorms) served).bytes();
    assertTrue(held >= 3L * served.maxDoc() && held <= HeapNorms.budget(), "the three fields' norms, within the bound: " + held);
    DirectoryReader file = FilterDirectoryReader.unwrap(served);
    int fields = 0;
    for (int l = 0; l < served.leaves().size(); l++) {
      LeafReaderContext heap = served.leaves().get(l);
      LeafReaderContext mapped = file.leaves().get(l);
      for (FieldInfo field : mapped.reader().getFieldInfos()) {
        if (!field.hasNorms()) {
          continue;
        }
        fields++;
        NumericDocValues a = heap.reader().getNormValues(field.name);
        NumericDocValues b = mapped.reader().getNormValues(field.name);
        assertNotNull(a, field.name);
        for (int doc = 0; doc < mapped.reader().maxDoc(); doc++) {
          boolean has = b.advanceExact(doc);
          assertEquals(has, a.advanceExact(doc), field.name + " " + doc);
          if (has) {
            assertEquals(b.longValue(), a.longValue(), field.name + " " + doc);
          }
        }
        NumericDocValues walk = heap.reader().getNormValues(field.name);
        NumericDocValues walked = mapped.reader().getNormValues(field.name);
        for (int doc = walked.nextDoc(); ; doc = walked.nextDoc()) {
          assertEquals(doc, walk.nextDoc(), field.name + ": the same documents, in order");
          if (doc == NumericDocValues.NO_MORE_DOCS) {
            break;
          }
          assertEquals(walked.longValue(), walk.longValue(), field.name + " " + doc);
        }
      }
    }
    assertTrue(fields >= 3, "text, headings and title have norms: " + fields);
  }

  @Test
  void aFieldSomeDocumentsLackKeepsItsGaps(@TempDir Path folder) throws Exception {
    try (FSDirectory directory = FSDirectory.open(folder)) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (int i = 0; i < 300; i++) {
          Document d = new Document();
          d.add(new TextField("body", "word ".repeat(1 + i % 40), Field.Store.NO));
          if (i % 3 == 0) {
            d.add(new TextField("heading", "head ".repeat(1 + i % 7), Field.Store.NO));
          }
          writer.addDocument(d);
        }
      }
      try (DirectoryReader file = DirectoryReader.open(directory);
           DirectoryReader heap = HeapNorms.wrap(DirectoryReader.open(directory), HeapNorms.budget())) {
        for (String field : List.of("body", "heading")) {
          NumericDocValues a = heap.leaves().get(0).reader().getNormValues(field);
          NumericDocValues b = file.leaves().get(0).reader().getNormValues(field);
          int present = 0;
          for (int doc = 0; doc < 300; doc++) {
            boolean has = b.advanceExact(doc);
            assertEquals(has, a.advanceExact(doc), field + " " + doc);
            if (has) {
              present++;
              assertEquals(b.longValue(), a.longValue(), field + " " + doc);
            }
          }
          assertEquals(field.equals("body") ? 300 : 100, present, field);
          NumericDocValues walk = heap.leaves().get(0).reader().getNormValues(field);
          assertEquals(present, walk.cost(), field);
          int walked = 0;
          for (int doc = walk.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = walk.nextDoc()) {
            assertTrue(field.equals("body") || doc % 3 == 0, field + " " + doc);
            walked++;
          }
          assertEquals(present, walked, field);
        }
      }
    }
  }

  @Test
  void bm25fScoresAreTheSameAsFromTheFile() throws Exception {
    IndexSearcher heap = SEED.index().searcher();
    IndexSearcher file = new IndexSearcher(FilterDirectoryReader.unwrap((DirectoryReader) heap.getIndexReader()));
    file.setSimilarity(heap.getSimilarity());
    TermsEnum terms = MultiTerms.getTerms(file.getIndexReader(), Fields.TEXT)
        .iterator();
    int asked = 0;
    for (BytesRef term = terms.next(); term != null && asked < 200; term = terms.next()) {
      if (terms.docFreq() < 2) {
        continue;
      }
      asked++;
      CombinedFieldQuery query = new CombinedFieldQuery.Builder(BytesRef.deepCopyOf(term))
          .addField(Fields.TEXT, 1f).addField(Fields.HEADINGS, 1f).addField(Fields.TITLE, 3f).build();
      TopDocs a = heap.search(query, 100);
      TopDocs b = file.search(query, 100);
      assertTrue(b.scoreDocs.length >= 2, term.utf8ToString());
      assertArrayEquals(docsAndScores(b), docsAndScores(a), term.utf8ToString());
    }
    assertEquals(200, asked);
  }

  @Test
  void fieldsPastTheBoundAreReadFromTheFileWithTheSameValues(@TempDir Path folder) throws Exception {
    try (FSDirectory directory = FSDirectory.open(folder)) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (int i = 0; i < 300; i++) {
          Document d = new Document();
          d.add(new TextField("body", "word ".repeat(1 + i % 40), Field.Store.NO));
          d.add(new TextField("heading", "head ".repeat(1 + i % 7), Field.Store.NO));
          writer.addDocument(d);
        }
      }
      for (long bound : List.of(0L, 400L, 1L << 20)) {
        try (DirectoryReader file = DirectoryReader.open(directory);
             DirectoryReader heap = HeapNorms.wrap(DirectoryReader.open(directory), bound)) {
          long held = ((HeapNorms) heap).bytes();
          // 300 bytes and a 40-byte bit set a field: none, one, or both fit.
          assertEquals(bound == 0 ? 0 : bound == 400 ? 340 : 680, held, "bytes held within " + bound);
          for (String field : List.of("body", "heading")) {
            NumericDocValues a = heap.leaves().get(0).reader().getNormValues(field);
            NumericDocValues b = file.leaves().get(0).reader().getNormValues(field);
            for (int doc = 0; doc < 300; doc++) {
              assertEquals(b.advanceExact(doc), a.advanceExact(doc), field + " " + doc);
              assertEquals(b.longValue(), a.longValue(), field + " " + doc + " within " + bound);
            }
          }
        }
      }
    }
  }

  private static String[] docsAndScores(TopDocs top) {
    List<String> out = new ArrayList<>();
    Arrays.stream(top.scoreDocs).forEach((ScoreDoc d) -> out.add(d.doc + ":" + d.score));
    return out.toArray(String[]::new);
  }
}
