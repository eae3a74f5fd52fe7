package passagesearch.index;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default codec, but with stored fields kept as written rather than compressed. A search reads the
 * stored fields of the ten passages on its page; under the default codec each read decompresses the block's
 * shared dictionary and a sub-block of about 8 KB (LZ4), 5% of a SciFact search's CPU (JFR, 2026-12-06),
 * to use a passage of about 1 KB. Kept plain, a read copies the passage's own bytes. The price is disk: the
 * generation grows by about a fifth (SciFact's lexical generation folder: 19 to 22 MB).
 *
 * <p>Found by name ({@value #NAME}) through {@code META-INF/services}, as Lucene finds its own codecs when it
 * opens a segment. The formats other than stored fields are the default codec's of the Lucene version
 * this was written for; a Lucene upgrade that changes the default codec changes the delegate and
 * {@link PassageDocuments#LAYOUT} (PassageCodecTest fails until it does),
 * so a generation is never read with formats other than those it was written with.
 */
public final class PassageCodec extends FilterCodec {
  /** The codec's name, recorded in every segment it writes. */
  public static final String NAME = "PassageSearch1";

  /** Chunks of up to 16 KB or 128 passages: a read decodes the lengths of one small chunk's passages. */
  private static final StoredFieldsFormat STORED =
      new Lucene90CompressingStoredFieldsFormat("PassageStoredFieldsPlain", new Plain(), 16 * 1024, 128, 10);

  /** Called by Lucene's service loader; use {@link IndexStore} to write and open generations. */
  public PassageCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return STORED;
  }

  /** Bytes written as they come and read back as a slice: no compression. */
  private static final class Plain extends CompressionMode {
    @Override
    public Compressor newCompressor() {
      return new Compressor() {
        @Override
        public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
          out.copyBytes(in, in.length());
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public Decompressor newDecompressor() {
      return new SliceReader();
    }

    @Override
    public String toString() {
      return "plain";
    }
  }

  /** Reads {@code length} bytes from {@code offset} of a chunk written plain. */
  private static final class SliceReader extends Decompressor {
    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      in.skipBytes(offset);
      bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
      in.readBytes(bytes.bytes, 0, length);
      bytes.offset = 0;
      bytes.length = length;
    }

    @Override
    public Decompressor clone() {
      return new SliceReader();
    }
  }
}
