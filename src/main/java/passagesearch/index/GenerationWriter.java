package passagesearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import passagesearch.config.IndexConfig;
import passagesearch.ingest.DocumentSource;
import passagesearch.ingest.Ingest;
import passagesearch.ingest.Passage;
import passagesearch.ingest.ReadReport;
import passagesearch.ingest.SourceDocument;

/**
 * Writes the contents of one generation's folder from a corpus walked one document at a time: each
 * document is split and tagged, its passages added to the Lucene index and its text to the
 * {@link SourceTexts}, then forgotten. What stays in the heap is the list of documents (metadata and
 * passage count) and Lucene's indexing buffer.
 */
final class GenerationWriter {
  /** Lucene's buffer of added documents before it writes a segment: a share of the heap, at most 64 MB. */
  private static final int MAX_BUFFER_MB = 64;

  private GenerationWriter() {}

  /** What was written: the documents in corpus order with their passage counts, and what the read skipped. */
  record Written(List<GenerationInfo.DocumentEntry> documents, int passages, ReadReport report) {}

  static Written write(Path dir, DocumentSource corpus, IndexConfig config, IndexStore.Progress progress)
      throws IOException {
    Ingest ingest = new Ingest(config);
    FacetsConfig facets = PassageDocuments.facetsConfig();
    List<GenerationInfo.DocumentEntry> entries = new ArrayList<>();
    int[] passages = {0};
    int expected = corpus.expectedDocuments();
    ReadReport report;
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, writerConfig(config));
        SourceTexts.Writer sources = new SourceTexts.Writer(dir)) {
      try {
        report = corpus.walk((document, warnings) -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new IndexException("the build was abandoned: interrupted (the server is stopping)");
          }
          int count = add(writer, sources, facets, document, ingest.passages(document, warnings));
          entries.add(new GenerationInfo.DocumentEntry(document.metadata(), count));
          passages[0] += count;
          progress.update(entries.size(), Math.max(expected, entries.size()), passages[0]);
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      progress.update(entries.size(), entries.size(), passages[0]);
      if (passages[0] == 0) {
        throw new IndexException("the corpus gave no passages: nothing to index" + reasons(report));
      }
      writer.forceMerge(1);
      writer.commit();
    }
    return new Written(entries, passages[0], report);
  }

  private static int add(IndexWriter writer, SourceTexts.Writer sources, FacetsConfig facets, SourceDocument document,
      List<Passage> passages) {
    try {
      for (Passage passage : passages) {
        writer.addDocument(PassageDocuments.toDocument(passage, document.metadata().title(), facets));
      }
      sources.add(document.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return passages.size();
  }

  private static IndexWriterConfig writerConfig(IndexConfig config) {
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return new IndexWriterConfig(IndexStore.writerAnalyzer(config))
        .setSimilarity(new BM25Similarity(config.ranking().k1(), config.ranking().b()))
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        // An eighth of the heap: 16 MB with the production 128 MB, leaving room for the largest document.
        .setRAMBufferSizeMB(Math.max(4, Math.min(MAX_BUFFER_MB, heapMb / 8)));
  }

  /** The first few skip reasons, so a build that found nothing says why. */
  private static String reasons(ReadReport report) {
    if (report.skipped().isEmpty()) {
      return "";
    }
    return String.format(" (%,d skipped: %s)", report.skippedTotal(),
        String.join("; ", report.skipped().subList(0, Math.min(3, report.skipped().size()))));
  }
}
