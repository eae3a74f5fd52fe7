package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagGroup;
import passagesearch.config.TagVocabulary;
import passagesearch.index.Fields;

/**
 * Completions for a search box: drug names and brands, tags, headings, and words the corpus uses often,
 * found by prefix at the start of any of their words. Built once per generation into a sorted array, so
 * each keystroke is a binary search.
 */
final class Suggester {
  private static final int MIN_TERM_LENGTH = 4;
  private static final int MIN_TERM_DOCS = 2;

  /** Ranks kinds: drugs first, then tags, headings, words. */
  private enum Kind {
    DRUG,
    TAG,
    HEADING,
    TERM
  }

  private record Entry(String text, Kind kind, int weight) {}

  private record Key(String prefixable, int entry) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Key[] keys;

  Suggester(TagVocabulary vocabulary, Iterable<String> headings, IndexReader reader) {
    Set<String> seen = new HashSet<>();
    for (TagGroup g : vocabulary.groups()) {
      if (g.id().equals(TagVocabulary.SET_ASIDE_GROUP)) {
        continue;
      }
      for (TagDefinition t : g.tags()) {
        Kind kind = g.id().equals("drug") ? Kind.DRUG : Kind.TAG;
        add(seen, t.label(), kind, 0);
        for (String brand : t.brands()) {
          add(seen, brand, kind, 0);
        }
      }
    }
    for (String heading : headings) {
      add(seen, heading.replaceAll("\\d+$", ""), Kind.HEADING, 0);
    }
    try {
      Terms terms = MultiTerms.getTerms(reader, Fields.WORDS);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        for (BytesRef term = te.next(); term != null; term = te.next()) {
          if (te.docFreq() >= MIN_TERM_DOCS && term.length >= MIN_TERM_LENGTH) {
            add(seen, term.utf8ToString(), Kind.TERM, te.docFreq());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Key> list = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String lower = entries.get(i).text().toLowerCase(Locale.ROOT);
      for (int at = 0; at < lower.length(); at++) {
        if (Character.isLetterOrDigit(lower.charAt(at)) && (at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1)))) {
          list.add(new Key(lower.substring(at), i));
        }
      }
    }
    keys = list.toArray(Key[]::new);
    Arrays.sort(keys, Comparator.comparing(Key::prefixable));
  }

  private void add(Set<String> seen, String text, Kind kind, int weight) {
    String clean = text.strip();
    if (!clean.isEmpty() && seen.add(clean.toLowerCase(Locale.ROOT))) {
      entries.add(new Entry(clean, kind, weight));
    }
  }

  List<Suggestion> suggest(String prefix, int limit) {
    String p = prefix.strip().toLowerCase(Locale.ROOT);
    if (p.isEmpty()) {
      return List.of();
    }
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid].prefixable().compareTo(p) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    Set<Integer> found = new LinkedHashSet<>();
    for (int i = lo; i < keys.length && keys[i].prefixable().startsWith(p); i++) {
      found.add(keys[i].entry());
    }
    return found.stream()
        .map(entries::get)
        .sorted(Comparator.comparing(Entry::kind)
            .thenComparing(e -> e.text().toLowerCase(Locale.ROOT).startsWith(p) ? 0 : 1)
            .thenComparing(Comparator.comparingInt(Entry::weight).reversed())
            .thenComparing(Entry::text))
        .limit(limit)
        .map(e -> new Suggestion(e.text(), e.kind().name().toLowerCase(Locale.ROOT)))
        .toList();
  }
}
