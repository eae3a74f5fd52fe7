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
 *
 * <p>The copies are bounded: at most {@link #budget()} bytes a generation (4 MB, about 1.3 million passages of
 * three fields, less on a heap under 128 MB; twice that while a swap holds two generations). Fields past the
 * bound are read from the file as before, so a corpus larger than that costs the heap nothing more.
 */
final class HeapNorms extends FilterDirectoryReader {
  private final long maxBytes;

  private HeapNorms(DirectoryReader in, long maxBytes) throws IOException {
    super(in, leaves(maxBytes));
    this.maxBytes = maxBytes;
  }

  /** The most a generation's copies may hold: 4 MB, or a 32nd of the heap when that is less. */
  static long budget() {
    return Math.min(4L << 20, Runtime.getRuntime().maxMemory() / 32);
  }

  /**
   * {@code in}, its norms read into the heap up to {@code maxBytes} in all; {@code in} is closed when they cannot
   * be read.
   */
  static DirectoryReader wrap(DirectoryReader in, long maxBytes) throws IOException {
    try {
      return new HeapNorms(in, maxBytes);
    } catch (UncheckedIOException e) {
      in.close();
      throw e.getCause();
    } catch (RuntimeException | Error e) {
      in.close();
      throw e;
    }
  }

  /** The bytes the copies hold, over every segment and field. */
  long bytes() {
    long bytes = 0;
    for (var leaf : leaves()) {
      bytes += ((Leaf) leaf.reader()).bytes;
    }
    return bytes;
  }

  @Override
  protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
    return new HeapNorms(in, maxBytes);
  }

  /** Wraps each segment, copying its fields' norms while the copies of all segments stay within {@code maxBytes}. */
  private static SubReaderWrapper leaves(long maxBytes) {
    long[] left = {maxBytes};
    return new SubReaderWrapper() {
      @Override
      public LeafReader wrap(LeafReader reader) {
        try {
          Leaf leaf = new Leaf(reader, left[0]);
          left[0] -= leaf.bytes;
          return leaf;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    // The same documents and values as the reader it wraps, so caches keyed on it stay valid.
    return in.getReaderCacheHelper();
  }

  /** One segment, the norms of those of its fields that fit {@code maxBytes} in the heap. */
  private static final class Leaf extends FilterLeafReader {
    private final Map<String, Norms> norms = new HashMap<>();
    private final long bytes;

    Leaf(LeafReader in, long maxBytes) throws IOException {
      super(in);
      long held = 0;
      for (FieldInfo field : in.getFieldInfos()) {
        if (field.hasNorms() && held + Norms.bytes(in.maxDoc()) <= maxBytes) {
          Norms read = Norms.read(in.getNormValues(field.name), in.maxDoc());
          if (read != null) {
            norms.put(field.name, read);
            held += Norms.bytes(in.maxDoc());
          }
        }
      }
      this.bytes = held;
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
    /** The most one field's copy holds: a byte a document, and a bit a document (kept when some lack the field). */
    static long bytes(int maxDoc) {
      return maxDoc + FixedBitSet.bits2words(maxDoc) * (long) Long.BYTES;
    }

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
