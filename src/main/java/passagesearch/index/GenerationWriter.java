package passagesearch.index;

import passagesearch.vectors.PassageVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import org.apache.lucene.document.Document;
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

  /**
   * @param vectors where passage vectors come from; null to write none (semantic retrieval off, or the
   *     model unavailable)
   */
  static Written write(Path dir, DocumentSource corpus, IndexConfig config, IndexStore.Progress progress,
      PassageVectors vectors) throws IOException {
    Ingest ingest = new Ingest(config);
    FacetsConfig facets = PassageDocuments.facetsConfig();
    List<GenerationInfo.DocumentEntry> entries = new ArrayList<>();
    int[] passages = {0};
    int expected = corpus.expectedDocuments();
    ReadReport report;
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, writerConfig(config));
        SourceTexts.Writer sources = new SourceTexts.Writer(dir);
        Lane lane = Lane.open(writer)) {
      try {
        report = corpus.walk((document, warnings) -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new IndexException("the build was abandoned: interrupted (the server is stopping)");
          }
          List<Passage> split = ingest.passages(document, warnings);
          String title = document.metadata().title();
          try {
            List<float[]> meaning = vectors == null ? null : vectors.of(split, title);
            lane.add(() -> {
              List<Document> docs = new ArrayList<>(split.size());
              for (int i = 0; i < split.size(); i++) {
                float[] vector = meaning == null ? null : meaning.get(i);
                docs.add(PassageDocuments.toDocument(split.get(i), title, facets, vector));
              }
              return docs;
            }, document.text().length());
            sources.add(document.text());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          entries.add(new GenerationInfo.DocumentEntry(document.metadata(), split.size()));
          passages[0] += split.size();
          progress.update(entries.size(), Math.max(expected, entries.size()), passages[0]);
        });
        lane.finish();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      progress.update(entries.size(), entries.size(), passages[0]);
      if (passages[0] == 0) {
        throw new IndexException("the corpus gave no passages: nothing to index" + report.firstReasons());
      }
      writer.forceMerge(1);
      writer.commit();
    }
    if (vectors != null) {
      vectors.finish();
    }
    return new Written(entries, passages[0], report);
  }

  /** A document's passages as Lucene documents, made on the thread that adds them to the index. */
  interface Documents {
    List<Document> make() throws IOException;
  }

  /**
   * Where a document's passages go into the index. With one core, straight into the writer on the
   * reading thread. With more, a second thread adds them (analysis and Lucene's in-memory indexing) while
   * the reading thread reads, splits and tags the next documents: the two halves of a build, each about half
   * of it. Which half is the slower depends on the corpus and the machine (SciFact on two cores, CPU of the
   * reading thread against the writer's: 2.7-3.5 s against 1.9-2.1 s at one time, the writer the slower an
   * hour later), so making the Lucene documents (surface words, shingle hashes, about a tenth of a build)
   * goes to whichever thread has time: the writer when it waits for work, else the reading thread. The two
   * may then make documents at once, which is safe: passages are immutable and {@code FacetsConfig.build}
   * only reads its configuration. One writing thread takes the documents in the order they were read, so
   * passages keep their document ids and order, as in a build on one thread. At most
   * {@link #IN_FLIGHT_CHARS} characters of documents wait between the two (a larger document waits alone),
   * so the heap holds about one more document than a build on one thread.
   */
  abstract static class Lane implements AutoCloseable {
    static final int IN_FLIGHT_CHARS = 1 << 20;

    static Lane open(IndexWriter writer) {
      return open(writer, Runtime.getRuntime().availableProcessors() > 1);
    }

    static Lane open(IndexWriter writer, boolean threaded) {
      return threaded ? new Threaded(writer) : new Direct(writer);
    }

    /** Adds one document's passages, in order. */
    abstract void add(Documents docs, int chars) throws IOException;

    /** Waits for every document added so far to be in the writer; rethrows what the writer failed with. */
    abstract void finish() throws IOException;

    @Override
    public void close() {}

    private static final class Direct extends Lane {
      private final IndexWriter writer;

      Direct(IndexWriter writer) {
        this.writer = writer;
      }

      @Override
      void add(Documents docs, int chars) {
        try {
          for (Document doc : docs.make()) {
            writer.addDocument(doc);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      void finish() {}
    }

    private static final class Threaded extends Lane {
      private record Batch(Documents docs, int permits) {}

      private static final Batch END = new Batch(List::of, 0);
      private final IndexWriter writer;
      private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
      private final Semaphore room = new Semaphore(IN_FLIGHT_CHARS);
      private final Thread thread;
      private volatile Throwable failed;
      private volatile boolean abandoned;

      Threaded(IndexWriter writer) {
        this.writer = writer;
        this.thread = Thread.ofPlatform().name("index-writer").daemon().start(this::run);
      }

      private void run() {
        try {
          while (true) {
            Batch batch = queue.take();
            if (batch == END || abandoned) {
              return;
            }
            for (Document doc : batch.docs().make()) {
              writer.addDocument(doc);
            }
            room.release(batch.permits());
          }
        } catch (Throwable e) {
          failed = e;
          room.release(IN_FLIGHT_CHARS); // the reader may wait for room: let it on, to find the failure
        }
      }

      @Override
      void add(Documents docs, int chars) throws IOException {
        rethrow();
        int permits = Math.max(1, Math.min(chars, IN_FLIGHT_CHARS));
        try {
          room.acquire(permits);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IndexException("the build was abandoned: interrupted (the server is stopping)");
        }
        rethrow();
        // Whichever thread has time makes the documents: the writer when it waits for work (the reading
        // thread is the slower), else the reading thread, now, so the writer only indexes.
        Documents ready = docs;
        if (!queue.isEmpty()) {
          List<Document> made = docs.make();
          ready = () -> made;
        }
        queue.add(new Batch(ready, permits));
      }

      @Override
      void finish() throws IOException {
        queue.add(END);
        join();
        rethrow();
      }

      private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
          try {
            thread.join();
          } catch (InterruptedException e) {
            interrupted = true; // the writer must stop using the IndexWriter before it is closed
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }

      private void rethrow() throws IOException {
        Throwable e = failed;
        if (e == null) {
          return;
        }
        if (e instanceof IOException io) {
          throw io;
        }
        if (e instanceof RuntimeException r) {
          throw r;
        }
        if (e instanceof Error err) {
          throw err;
        }
        throw new IOException(e);
      }

      /** After a failure on the reading side: the writer drops what waits and stops, before the writer closes. */
      @Override
      public void close() {
        if (thread.isAlive()) {
          abandoned = true;
          queue.clear();
          queue.add(END);
          join();
        }
      }
    }
  }

  private static IndexWriterConfig writerConfig(IndexConfig config) {
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return new IndexWriterConfig(IndexStore.writerAnalyzer(config))
        .setSimilarity(new BM25Similarity(config.ranking().k1(), config.ranking().b()))
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setCodec(new PassageCodec())
        // An eighth of the heap: 16 MB with the production 128 MB, leaving room for the largest document.
        .setRAMBufferSizeMB(Math.max(4, Math.min(MAX_BUFFER_MB, heapMb / 8)));
  }
}
