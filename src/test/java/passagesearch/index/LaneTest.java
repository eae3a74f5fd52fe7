package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's lane into the index writer: documents in the order they were read, whichever thread makes them. */
class LaneTest {
  @TempDir Path dir;

  @Test
  void documentsKeepTheirOrderWhicheverThreadMakesThem() throws IOException {
    Set<String> makers = ConcurrentHashMap.newKeySet();
    int batches = 400;
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      try (GenerationWriter.Lane lane = GenerationWriter.Lane.open(writer, true)) {
        for (int b = 0; b < batches; b++) {
          int batch = b;
          lane.add(() -> {
            makers.add(Thread.currentThread().getName());
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
              Document doc = new Document();
              doc.add(new StringField("id", batch + "/" + i, Field.Store.NO));
              doc.add(new StoredField("seq", batch * 3 + i));
              docs.add(doc);
            }
            busy(batch % 7 == 0 ? 200 : 2); // now the writer waits, now the reader
            return docs;
          }, 10);
          busy(batch % 5 == 0 ? 300 : 1);
        }
        lane.finish();
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertEquals(batches * 3, reader.numDocs());
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          assertEquals(doc, stored.document(doc).getField("seq").numericValue().intValue(), "document " + doc);
        }
      }
    }
    assertTrue(makers.size() == 2, "both threads made documents at some point: " + makers);
  }

  @Test
  void aDocumentThatCannotBeMadeFailsTheBuildOnTheReadingThread() throws IOException {
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()));
        GenerationWriter.Lane lane = GenerationWriter.Lane.open(writer, true)) {
      IOException thrown = assertThrows(IOException.class, () -> {
        for (int b = 0; b < 1_000; b++) {
          int batch = b;
          lane.add(() -> {
            if (batch == 3) {
              throw new IOException("batch 3 cannot be made");
            }
            return List.of(new Document());
          }, 10);
        }
        lane.finish();
      });
      assertEquals("batch 3 cannot be made", thrown.getMessage());
    }
  }

  /** Keeps the calling thread busy for about this many microseconds. */
  private static void busy(int micros) {
    long end = System.nanoTime() + micros * 1_000L;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
