package passagesearch.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Tag patterns by the first three letters of their prefix, looked up straight from the characters of a text:
 * the three are packed into one {@code long}, so a lookup allocates nothing (a substring per word start did)
 * and hashes one number. Open addressing in arrays of a power-of-two length kept at most half full; filled
 * once, when the vocabulary is built, and only read after.
 */
final class KeyTable {
  private long[] keys = new long[16];
  private Object[] values = new Object[16];
  private int size;

  /** The key of three characters, packed. */
  static long key(char a, char b, char c) {
    return (long) a << 32 | (long) b << 16 | c;
  }

  void add(long key, TagMatcher.Anchored pattern) {
    int slot = slot(key);
    if (values[slot] == null) {
      if (2 * (size + 1) > keys.length) {
        grow();
        slot = slot(key);
      }
      keys[slot] = key;
      values[slot] = new ArrayList<TagMatcher.Anchored>();
      size++;
    }
    list(slot).add(pattern);
  }

  /** The patterns under the key, or null. */
  List<TagMatcher.Anchored> get(long key) {
    return list(slot(key));
  }

  @SuppressWarnings("unchecked") // only lists of patterns are stored
  private List<TagMatcher.Anchored> list(int slot) {
    return (List<TagMatcher.Anchored>) values[slot];
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }
}
