package passagesearch.index;

import java.util.Arrays;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * A passage's word trigrams (single words for a text under three words), lower case, as sorted 32-bit
 * hashes: how two passages are found to say the same thing. Computed once at index time and kept as
 * binary doc values, so a search compares near-duplicates without reading or splitting any text.
 */
public final class Shingles {
  private static final int[] NONE = new int[0];
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Shingles() {}

  /** The sorted, distinct trigram hashes of a text. */
  public static int[] of(String text) {
    long[] words = new long[16];
    int count = 0;
    long hash = FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        hash = (hash ^ Character.toLowerCase(cp)) * FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        words = ArrayUtil.grow(words, count + 1);
        words[count++] = hash;
        hash = FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      words = ArrayUtil.grow(words, count + 1);
      words[count++] = hash;
    }
    if (count == 0) {
      return NONE;
    }
    int[] out;
    if (count < 3) {
      out = new int[count];
      for (int i = 0; i < count; i++) {
        out[i] = mix(words[i]);
      }
    } else {
      out = new int[count - 2];
      for (int i = 0; i + 2 < count; i++) {
        out[i] = mix(words[i] * 31 * 31 + words[i + 1] * 31 + words[i + 2]);
      }
    }
    Arrays.sort(out);
    return distinct(out);
  }

  /** The share of trigrams two texts have in common (Jaccard), from their sorted hashes. */
  public static double overlap(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int common = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common / (double) (a.length + b.length - common);
  }

  /**
   * Whether the overlap reaches {@code threshold} (in (0, 1]): the same answer as comparing
   * {@link #overlap}, but it stops as soon as the texts have differed too often to get there, which for
   * unrelated texts is after a small part of them.
   */
  public static boolean overlapAtLeast(int[] a, int[] b, double threshold) {
    if (a.length == 0 || b.length == 0) {
      return false;
    }
    // common / (|a| + |b| - common) >= t  <=>  common >= t (|a| + |b|) / (1 + t)
    double needed = threshold * (a.length + b.length) / (1 + threshold) - 1e-9;
    if (Math.min(a.length, b.length) < needed) {
      return false;
    }
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else {
        if (a[i] < b[j]) {
          i++;
        } else {
          j++;
        }
        if (common + Math.min(a.length - i, b.length - j) < needed) {
          return false;
        }
      }
    }
    return common >= needed;
  }

  /** Sorted hashes as ascending deltas in variable-length bytes. */
  static BytesRef encode(int[] sorted) {
    byte[] bytes = new byte[5 * sorted.length + 5];
    int at = writeVInt(bytes, 0, sorted.length);
    long previous = Integer.MIN_VALUE;
    for (int h : sorted) {
      at = writeVInt(bytes, at, (int) (h - previous));
      previous = h;
    }
    return new BytesRef(bytes, 0, at);
  }

  /** The hashes {@link #encode} wrote. */
  public static int[] decode(BytesRef bytes) {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    int[] out = new int[in.readVInt()];
    long previous = Integer.MIN_VALUE;
    for (int i = 0; i < out.length; i++) {
      previous += Integer.toUnsignedLong(in.readVInt());
      out[i] = (int) previous;
    }
    return out;
  }

  private static int writeVInt(byte[] bytes, int at, int value) {
    while ((value & ~0x7F) != 0) {
      bytes[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[at++] = (byte) value;
    return at;
  }

  private static int mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h;
  }

  private static int[] distinct(int[] sorted) {
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
  }
}
