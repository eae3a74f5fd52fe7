package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntroSorter;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagGroup;
import passagesearch.config.TagVocabulary;
import passagesearch.index.Fields;

/**
 * Completions for a search box: drug names and brands, tags, headings, and words the corpus uses often,
 * found by prefix at the start of any of their words. Built once per generation into a sorted array, so
 * each keystroke is a binary search.
 *
 * <p>Ranked by {@link Tier}, then entries whose first word the prefix starts, then by how many passages use
 * them. A short prefix matches many entries, and the one the corpus is most about is the likeliest meant:
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
  private static final int MIN_TERM_LENGTH = 4;
  private static final int MIN_TERM_DOCS = 2;
  /** Characters of an entry, from a word start, that order the keys (a search box sends at most 100). */
  static final int SORTED_CHARS = 100;

  /** What an entry is, as the box shows it. */
  private enum Kind {
    DRUG,
    TAG,
    HEADING,
    TERM
  }

  /**
   * How entries rank, first to last. The vocabulary's own names: a drug's generic name, a disease, treatment,
   * phase or topic. Then words as the corpus uses them: its frequent words, and drug brands, which are other
   * names for a drug offered above them and rank by their own use like any word. Then headings.
   */
  private enum Tier {
    NAME,
    WORD,
    HEADING
  }

  /** An entry, with the passages that carry it (its tag) or use it (its words): its weight in its tier. */
  private record Entry(String text, Kind kind, Tier tier, int weight) {}

  private final List<Entry> entries = new ArrayList<>();
  /** Each entry's text in lower case, which keys point into. */
  private final String[] lower;
  /** Word starts: entry index in the high 32 bits, offset in its lower-case text in the low 32. */
  private final long[] keys;

  Suggester(TagVocabulary vocabulary, Iterable<String> headings, IndexReader reader) {
    Set<String> seen = new HashSet<>();
    for (TagGroup g : vocabulary.groups()) {
      if (g.id().equals(TagVocabulary.SET_ASIDE_GROUP)) {
        continue;
      }
      for (TagDefinition t : g.tags()) {
        Kind kind = g.id().equals("drug") ? Kind.DRUG : Kind.TAG;
        add(seen, t.label(), kind, Tier.NAME, docFreq(reader, Fields.TAG, t.id()));
        for (String brand : t.brands()) {
          add(seen, brand, kind, Tier.WORD, uses(reader, brand));
        }
      }
    }
    try {
      Terms terms = MultiTerms.getTerms(reader, Fields.WORDS);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        for (BytesRef term = te.next(); term != null; term = te.next()) {
          if (te.docFreq() >= MIN_TERM_DOCS && term.length >= MIN_TERM_LENGTH) {
            add(seen, term.utf8ToString(), Kind.TERM, Tier.WORD, te.docFreq());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Last: a heading that is also a name or a word ("Treatment") is offered as that, in its higher tier.
    for (String heading : headings) {
      add(seen, heading.replaceAll("\\d+$", ""), Kind.HEADING, Tier.HEADING, 0);
    }
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

  /** Passages that use a name's words: at most as many as use its rarest word ("Liu Keran": "keran"). */
  private static int uses(IndexReader reader, String name) {
    int uses = Integer.MAX_VALUE;
    for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        uses = Math.min(uses, docFreq(reader, Fields.WORDS, word));
      }
    }
    return uses == Integer.MAX_VALUE ? 0 : uses;
  }

  /** Counts the word starts of {@code text}, writing them as keys of {@code entry} from {@code at} (when given). */
  private static int wordStarts(String text, long[] out, int entry, int at) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
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

  private void add(Set<String> seen, String text, Kind kind, Tier tier, int weight) {
    String clean = text.strip();
    if (!clean.isEmpty() && seen.add(clean.toLowerCase(Locale.ROOT))) {
      entries.add(new Entry(clean, kind, tier, weight));
    }
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
        .sorted(Comparator.comparing(Entry::tier)
            .thenComparing(e -> e.text().toLowerCase(Locale.ROOT).startsWith(p) ? 0 : 1)
            .thenComparing(Comparator.comparingInt(Entry::weight).reversed())
            .thenComparing(Entry::kind)
            .thenComparing(Entry::text))
        .limit(limit)
        .map(e -> new Suggestion(e.text(), e.kind().name().toLowerCase(Locale.ROOT)))
        .toList();
  }
}
