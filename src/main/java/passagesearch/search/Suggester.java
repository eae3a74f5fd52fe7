package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntroSorter;
import passagesearch.config.TagVocabulary;
import passagesearch.index.Fields;

/**
 * Completions for a search box: drug names and brands, tags, headings, and words the corpus uses often,
 * found by prefix at the start of any of their words. Built once per generation into a sorted array, so
 * each keystroke is a binary search.
 *
 * <p>The entries are {@link SuggestionEntries}', ranked by {@link SuggestionEntry#ranking}: by tier, then entries
 * whose first word the prefix starts, then by how many passages use them. A short prefix matches many entries, and the one the corpus is most about is the likeliest meant:
 * "leuk" offers the diseases, and "leukaemia", a word most passages use, before "Leukeran", a brand of
 * chlorambucil that none of them do.
 *
 * <p>A key is a place where a word starts in an entry, packed as (entry, offset) into a {@code long} and
 * sorted by the entry's lower-case text from there: no text is copied per key, so the index grows with
 * the number of words, not with the square of an entry's length (a heading of 30,000 characters is 5,000
 * keys, not 75 million characters of suffixes). Keys are ordered by their first {@link #SORTED_CHARS}
 * characters, which is all a prefix up to that length looks at; a longer prefix is checked in full.
 */
final class Suggester {
  /** Characters of an entry, from a word start, that order the keys (a search box sends at most 100). */
  static final int SORTED_CHARS = 100;

  private final List<SuggestionEntry> entries;
  /** Each entry's text in lower case, which keys point into. */
  private final String[] lower;
  /** Word starts: entry index in the high 32 bits, offset in its lower-case text in the low 32. */
  private final long[] keys;

  Suggester(TagVocabulary vocabulary, Iterable<String> headings, IndexReader reader) {
    SuggestionEntries gathered = new SuggestionEntries(vocabulary, id -> docFreq(reader, Fields.TAG, id),
        word -> docFreq(reader, Fields.WORDS, word));
    try {
      Terms terms = MultiTerms.getTerms(reader, Fields.WORDS);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        for (BytesRef term = te.next(); term != null; term = te.next()) {
          gathered.word(term.utf8ToString(), te.docFreq());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    headings.forEach(gathered::heading);
    entries = gathered.entries();
    lower = new String[entries.size()];
    int count = 0;
    for (int i = 0; i < lower.length; i++) {
      lower[i] = entries.get(i).text().toLowerCase(Locale.ROOT);
      count += wordStarts(lower[i], null, i, 0);
    }
    keys = new long[count];
    for (int i = 0, at = 0; i < lower.length; i++) {
      at += wordStarts(lower[i], keys, i, at);
    }
    new IntroSorter() {
      private long pivot;

      @Override
      protected void setPivot(int i) {
        pivot = keys[i];
      }

      @Override
      protected int comparePivot(int j) {
        return compareFrom(pivot, lower[entry(keys[j])], offset(keys[j]), SORTED_CHARS);
      }

      @Override
      protected int compare(int i, int j) {
        return compareFrom(keys[i], lower[entry(keys[j])], offset(keys[j]), SORTED_CHARS);
      }

      @Override
      protected void swap(int i, int j) {
        long t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
      }
    }.sort(0, keys.length);
  }

  private static int docFreq(IndexReader reader, String field, String term) {
    try {
      return reader.docFreq(new Term(field, term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts the word starts of {@code text}, writing them as keys of {@code entry} from {@code at} (when given). */
  private static int wordStarts(String text, long[] out, int entry, int at) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (SuggestionEntry.isWordStart(text, i)) {
        if (out != null) {
          out[at + n] = ((long) entry << 32) | i;
        }
        n++;
      }
    }
    return n;
  }

  private static int entry(long key) {
    return (int) (key >>> 32);
  }

  private static int offset(long key) {
    return (int) key;
  }

  /**
   * Compares a key's text (from its offset) with {@code other} from {@code from}, as
   * {@link String#compareTo} compares the two suffixes, looking at no more than {@code max} characters.
   */
  private int compareFrom(long key, String other, int from, int max) {
    String text = lower[entry(key)];
    int at = offset(key);
    int n = Math.min(max, Math.min(text.length() - at, other.length() - from));
    for (int k = 0; k < n; k++) {
      char a = text.charAt(at + k);
      char b = other.charAt(from + k);
      if (a != b) {
        return a - b;
      }
    }
    return Math.min(max, text.length() - at) - Math.min(max, other.length() - from);
  }

  /** Keys held (one per word start) and characters of text they point into: both linear in the entries. */
  int keyCount() {
    return keys.length;
  }

  long keyChars() {
    long chars = 0;
    for (String s : lower) {
      chars += s.length();
    }
    return chars;
  }

  List<Suggestion> suggest(String prefix, int limit) {
    String p = prefix.strip().toLowerCase(Locale.ROOT);
    if (p.isEmpty()) {
      return List.of();
    }
    // Keys are ordered by their first SORTED_CHARS characters: find the range by as many, check the rest.
    String sorted = p.length() <= SORTED_CHARS ? p : p.substring(0, SORTED_CHARS);
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareFrom(keys[mid], sorted, 0, SORTED_CHARS) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    Set<Integer> found = new LinkedHashSet<>();
    for (int i = lo; i < keys.length && lower[entry(keys[i])].startsWith(sorted, offset(keys[i])); i++) {
      if (lower[entry(keys[i])].startsWith(p, offset(keys[i]))) {
        found.add(entry(keys[i]));
      }
    }
    return found.stream()
        .map(entries::get)
        .sorted(SuggestionEntry.ranking(p))
        .limit(limit)
        .map(SuggestionEntry::suggestion)
        .toList();
  }
}
