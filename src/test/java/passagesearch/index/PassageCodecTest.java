package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;
import passagesearch.ingest.CorpusReader;

/** Stored fields kept plain: every value reads back as written, whatever its size, before and after merges. */
class PassageCodecTest {
  @TempDir Path tmp;

  @Test
  void valuesOfEverySizeReadBackAsWrittenInAnyOrder() throws Exception {
    Random random = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      // Mostly passage-sized; some larger than a chunk (16 KB), one over twice a chunk (stored in slices).
      int length = i == 300 ? 100_000 : i % 97 == 0 ? 20_000 + random.nextInt(20_000) : random.nextInt(3_000);
      StringBuilder text = new StringBuilder(length);
      for (int c = 0; c < length; c++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      texts.add(i % 50 == 0 ? "" : text.toString() + " é≥漢");
    }
    try (Directory dir = FSDirectory.open(tmp)) {
      IndexWriterConfig config =
          new IndexWriterConfig()
              .setCodec(new PassageCodec())
              .setMaxBufferedDocs(70)
              .setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (int i = 0; i < texts.size(); i++) {
          Document doc = new Document();
          doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
          doc.add(new StoredField("text", texts.get(i)));
          doc.add(new StoredField("n", i * 31L));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() > 1, "several segments before the merge");
      }
      readBack(dir, texts, random);
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setCodec(new PassageCodec()))) {
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(1, reader.leaves().size(), "one segment after the merge");
      }
      readBack(dir, texts, random);
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(dir)) {
        assertEquals(PassageCodec.NAME, segment.info.getCodec().getName());
      }
    }
  }

  @Test
  void generationsAreWrittenWithItAndLuceneFindsItByName() throws Exception {
    IndexConfig config = TestSupport.loadConfig();
    IndexStore store = new IndexStore(tmp);
    GenerationInfo built = store.build(new CorpusReader().read(TestSupport.corpus()), config);
    try (Directory dir = FSDirectory.open(tmp.resolve(built.name()))) {
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(dir)) {
        assertEquals(PassageCodec.NAME, segment.info.getCodec().getName());
      }
    }
    assertEquals(PassageCodec.class, Codec.forName(PassageCodec.NAME).getClass());
  }

  @Test
  void delegatesToTheDefaultCodecOfTheLuceneRunning() {
    // When Lucene's default codec changes, move the delegate to it and raise PassageDocuments.LAYOUT, so
    // that generations written with the old formats are rebuilt rather than read with new ones.
    assertEquals("Lucene104", Codec.getDefault().getName());
    assertEquals(4, PassageDocuments.LAYOUT);
    assertEquals(Codec.getDefault().postingsFormat().getName(), new PassageCodec().postingsFormat().getName());
  }

  private static void readBack(Directory dir, List<String> texts, Random random) throws Exception {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      StoredFields stored = reader.storedFields();
      List<Integer> order = new ArrayList<>();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        order.add(doc);
      }
      Collections.shuffle(order, random);
      for (int doc : order) {
        Document d = stored.document(doc);
        int i = Integer.parseInt(d.get("id"));
        assertEquals(texts.get(i), d.get("text"), "passage " + i);
        assertEquals(i * 31L, d.getField("n").numericValue().longValue());
      }
    }
  }
}
