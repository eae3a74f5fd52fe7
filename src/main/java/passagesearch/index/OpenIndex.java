package passagesearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import passagesearch.config.IndexConfig;

/**
 * One opened, immutable index generation. Searches take a reference with {@link #acquire()} and give it
 * back with {@link #release()}; {@link #close()} drops the opener's reference, and the files close when
 * the last search using them finishes.
 */
public final class OpenIndex implements Closeable {
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final SortedSetDocValuesReaderState facetState;
  private final PassageAnalyzer.Set analyzers;
  private final GenerationInfo info;
  private final IndexConfig config;
  private final Path dir;
  private final java.util.concurrent.Semaphore sourceReads = new java.util.concurrent.Semaphore(2);
  private volatile Map<String, Integer> positions;
  private Map<String, String> legacySources;

  private OpenIndex(DirectoryReader reader, GenerationInfo info, PassageAnalyzer.Set analyzers, IndexConfig config,
      Path dir) throws IOException {
    this.dir = dir;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity(config.ranking().k1(), config.ranking().b()));
    this.facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig());
    this.analyzers = analyzers;
    this.info = info;
    this.config = config;
  }

  static OpenIndex open(Path dir, GenerationInfo info, PassageAnalyzer.Set analyzers, IndexConfig config) throws IOException {
    Directory directory = FSDirectory.open(dir);
    DirectoryReader reader;
    try {
      reader = HeapNorms.wrap(DirectoryReader.open(directory), HeapNorms.budget());
    } catch (IOException e) {
      directory.close();
      throw e;
    }
    reader.getReaderCacheHelper().addClosedListener(key -> directory.close());
    return new OpenIndex(reader, info, analyzers, config, dir);
  }

  /** Takes a reference for one search; false when this generation has already closed. */
  public boolean acquire() {
    return reader.tryIncRef();
  }

  public void release() {
    try {
      reader.decRef();
    } catch (IOException e) {
      throw new IndexException("closing index generation " + info.name() + " failed", e);
    }
  }

  /** Checks that the generation is usable: it has passages, and a lookup by id finds one. */
  void verify() throws IOException {
    int count = searcher.count(new MatchAllDocsQuery());
    if (count != info.passages() || count == 0) {
      throw new IndexException("generation " + info.name() + " holds " + count + " passages, expected "
          + info.passages());
    }
    StoredFields stored = searcher.storedFields();
    String id = stored.document(0).get(Fields.ID);
    if (id == null || searcher.count(new TermQuery(new Term(Fields.ID, id))) != 1) {
      throw new IndexException("generation " + info.name() + " does not answer a lookup by id");
    }
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  /**
   * A searcher over this generation, like {@link #searcher()}, that stops matching once
   * {@code deadlineNanos} ({@link System#nanoTime()}) has passed; {@link IndexSearcher#timedOut()} then
   * says the results are partial. One per search: the deadline is the search's own.
   */
  public IndexSearcher searcher(long deadlineNanos) {
    IndexSearcher timed = new IndexSearcher(reader);
    timed.setSimilarity(searcher.getSimilarity());
    timed.setQueryCache(searcher.getQueryCache());
    timed.setQueryCachingPolicy(searcher.getQueryCachingPolicy());
    timed.setTimeout(() -> System.nanoTime() - deadlineNanos > 0);
    return timed;
  }

  public SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  public static FacetsConfig facetsConfig() {
    return PassageDocuments.facetsConfig();
  }

  /** The chain as the index was built with it, without glued-word splitting: for queries. */
  public Analyzer analyzer() {
    return analyzers.query();
  }

  /** The query chain with synonyms. */
  public Analyzer expandingAnalyzer() {
    return analyzers.expanded();
  }

  public GenerationInfo info() {
    return info;
  }

  /**
   * The generation its index folder's {@code CURRENT} names now; another than this one when a newer build
   * or a rollback was published since this one was opened (by another process, say). Empty when none is.
   */
  public java.util.Optional<String> published() {
    return IndexStore.publishedName(dir.getParent());
  }

  public IndexConfig config() {
    return config;
  }

  /**
   * The source text of a document of this generation, as indexed; null for an unknown id. Reads that one
   * document's text from the generation's {@link SourceTexts}; a generation written before those holds
   * all its texts in one JSON file, read whole the first time.
   */
  public String sourceText(String documentId) {
    Integer position = positions().get(documentId);
    if (position == null) {
      return null;
    }
    // A document's text is up to 4 MB of UTF-8, so a read may hold about 16 MB while it runs (the block,
    // the bytes, the string): two at a time keep that within the heap whatever the requests in flight.
    sourceReads.acquireUninterruptibly();
    try {
      return SourceTexts.exist(dir) ? SourceTexts.read(dir, position) : legacySources().get(documentId);
    } catch (IOException e) {
      throw new IndexException("cannot read the source text of " + documentId + " in " + info.name(), e);
    } finally {
      sourceReads.release();
    }
  }

  /** Each document's place in corpus order, which is its place in the source texts. */
  private Map<String, Integer> positions() {
    Map<String, Integer> loaded = positions;
    if (loaded == null) {
      synchronized (this) {
        if (positions == null) {
          Map<String, Integer> byId = new HashMap<>();
          List<GenerationInfo.DocumentEntry> documents = info.documents();
          for (int i = 0; i < documents.size(); i++) {
            byId.put(documents.get(i).metadata().id(), i);
          }
          positions = byId;
        }
        loaded = positions;
      }
    }
    return loaded;
  }

  private synchronized Map<String, String> legacySources() throws IOException {
    if (legacySources == null) {
      legacySources = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
          dir.resolve(IndexStore.SOURCES_FILE).toFile(),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    }
    return legacySources;
  }

  @Override
  public void close() {
    release();
  }
}
