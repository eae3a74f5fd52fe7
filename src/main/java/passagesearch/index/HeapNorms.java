package passagesearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader.CacheHelper;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * A generation's reader with each field's length norms copied into the heap when it opens: one byte a passage
 * a field (three fields: 0.3 MB for 100,000 passages).
 *
 * <p>BM25F ({@code fields.combined}) reads the norms of the three fields for every match of every query word.
 * Read from the memory-mapped file, each byte went through the memory segment's check that its mapping is
 * still open, which the JIT cannot hoist out of Lucene's per-document calls: 7.1% of a SciFact search's CPU
 * (JFR, distinct searches), nearly all of the BM25F scorer's time. The values are the file's own, so scores
 * are unchanged; a field whose norms do not fit a byte is left as the file has it.
 */
final class HeapNorms extends FilterDirectoryReader {
  private HeapNorms(DirectoryReader in) throws IOException {
    super(in, new SubReaderWrapper() {
      @Override
      public LeafReader wrap(LeafReader reader) {
        try {
          return new Leaf(reader);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
  }

  /** {@code in}, its norms read into the heap; {@code in} is closed when they cannot be read. */
  static DirectoryReader wrap(DirectoryReader in) throws IOException {
    try {
      return new HeapNorms(in);
    } catch (UncheckedIOException e) {
      in.close();
      throw e.getCause();
    } catch (RuntimeException | Error e) {
      in.close();
      throw e;
    }
  }

  @Override
  protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
    return new HeapNorms(in);
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    // The same documents and values as the reader it wraps, so caches keyed on it stay valid.
    return in.getReaderCacheHelper();
  }

  /** One segment, its norms in the heap. */
  private static final class Leaf extends FilterLeafReader {
    private final Map<String, Norms> norms = new HashMap<>();

    Leaf(LeafReader in) throws IOException {
      super(in);
      for (FieldInfo field : in.getFieldInfos()) {
        if (field.hasNorms()) {
          Norms read = Norms.read(in.getNormValues(field.name), in.maxDoc());
          if (read != null) {
            norms.put(field.name, read);
          }
        }
      }
    }

    @Override
    public NumericDocValues getNormValues(String field) throws IOException {
      Norms n = norms.get(field);
      return n == null ? super.getNormValues(field) : n.iterator();
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return in.getReaderCacheHelper();
    }
  }

  /** One field's norms: a byte a document, which documents have one (null: all), and how many do. */
  private record Norms(byte[] values, FixedBitSet present, int count) {
    /** The values of {@code in}; null when one does not fit a byte. */
    static Norms read(NumericDocValues in, int maxDoc) throws IOException {
      if (in == null) {
        return null;
      }
      byte[] values = new byte[maxDoc];
      FixedBitSet present = new FixedBitSet(maxDoc);
      for (int doc = in.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = in.nextDoc()) {
        long v = in.longValue();
        if (v != (byte) v) {
          return null;
        }
        values[doc] = (byte) v;
        present.set(doc);
      }
      int count = present.cardinality();
      return new Norms(values, count == maxDoc ? null : present, count);
    }

    NumericDocValues iterator() {
      return new NumericDocValues() {
        private int doc = -1;

        @Override
        public long longValue() {
          return values[doc];
        }

        @Override
        public boolean advanceExact(int target) {
          doc = target;
          return present == null || present.get(target);
        }

        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() {
          return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
          if (target >= values.length) {
            return doc = NO_MORE_DOCS;
          }
          if (present == null) {
            return doc = target;
          }
          int next = present.nextSetBit(target);
          return doc = next == DocIdSetIterator.NO_MORE_DOCS ? NO_MORE_DOCS : next;
        }

        @Override
        public long cost() {
          return count;
        }
      };
    }
  }
}
