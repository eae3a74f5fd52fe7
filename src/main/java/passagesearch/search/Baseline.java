package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The plain baseline every relevance change is measured against: what a search server gives out of the
 * box. Lucene's {@link EnglishAnalyzer} (Porter stemming, English stop words), BM25, one field holding
 * title, headings and text, no synonyms, no spelling help, no tags. In memory, built per evaluation.
 */
public final class Baseline implements AutoCloseable {
  private static final String ID = "id";
  private static final String BODY = "body";

  /** One unit to rank: a passage (id and all its words). */
  public record Doc(String id, String text) {}

  private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public Baseline(List<Doc> docs, float k1, float b) {
    BM25Similarity similarity = new BM25Similarity(k1, b);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setSimilarity(similarity))) {
      for (Doc d : docs) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new TextField(BODY, d.text(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("baseline index failed", e);
    }
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
  }

  /** The ids of the best {@code k} units for the query. */
  public List<String> rank(String query, int k) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, BODY);
    parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
    Query q = parser.parse(query);
    List<String> ids = new ArrayList<>();
    if (q == null) {
      return ids;
    }
    try {
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : searcher.search(q, k).scoreDocs) {
        ids.add(stored.document(sd.doc).get(ID));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
