package passagesearch.search;

import java.util.List;
import java.util.Map;

/**
 * Roughly how many bytes of heap a kept answer holds, with its request as the key: its strings as the JVM
 * stores them (one byte a character when every character is Latin-1, else two, plus the String and its
 * array), its records, lists and maps by their object headers and references (64-bit JVM, compressed
 * references), rounded up. It errs on the large side: objects an answer shares with others (a source's
 * record, small boxed numbers) are counted in each.
 */
final class AnswerBytes {
  private static final int OBJECT = 16;
  private static final int REFERENCE = 4;
  /** A String's own object (header, hash, coder, array reference) and its array's header. */
  private static final int STRING = 24 + 16;
  /** A hash map's own object, and each entry: the node, its slot in the table, the boxed Integer value. */
  private static final int MAP = 48 + 16;
  private static final int MAP_ENTRY = 32 + REFERENCE + 16;

  private AnswerBytes() {}

  static long of(SearchRequest request, SearchResponse response) {
    long n = OBJECT + 6 * REFERENCE + string(request.query()) + strings(request.tags()) + strings(request.sources());
    n += OBJECT + 10 * 8 + string(response.query()) + string(response.corrected()) + string(response.generation());
    n += coverage(response.coverage()) + list(response.hits().size());
    for (SearchHit hit : response.hits()) {
      n += hit(hit);
    }
    n += MAP + MAP_ENTRY * response.facets().size();
    for (Map.Entry<String, Map<String, Integer>> facet : response.facets().entrySet()) {
      n += string(facet.getKey()) + MAP + MAP_ENTRY * facet.getValue().size();
      for (String value : facet.getValue().keySet()) {
        n += string(value);
      }
    }
    return n;
  }

  private static long hit(SearchHit hit) {
    long n = OBJECT + 12 * 8 + string(hit.id()) + string(hit.text()) + string(hit.snippet()) + string(hit.section())
        + strings(hit.headings()) + strings(hit.tags()) + OBJECT + 8; // the offsets
    SourceRef s = hit.source();
    if (s != null) {
      n += OBJECT + 7 * REFERENCE + string(s.id()) + string(s.title()) + string(s.publisher()) + string(s.url())
          + string(s.updated()) + string(s.reviewed()) + string(s.nextReview());
    }
    HitCoverage c = hit.coverage();
    if (c != null) {
      n += OBJECT + 3 * REFERENCE + strings(c.missing()) + list(c.matched().size());
      for (HitCoverage.Match m : c.matched()) {
        n += OBJECT + 3 * REFERENCE + string(m.concept()) + string(m.by()) + string(m.via());
      }
    }
    return n;
  }

  private static long coverage(QueryCoverage c) {
    return c == null ? 0 : OBJECT + 3 * REFERENCE + strings(c.concepts()) + string(c.message());
  }

  private static long strings(List<String> values) {
    long n = list(values.size());
    for (String v : values) {
      n += string(v);
    }
    return n;
  }

  private static long list(int size) {
    return OBJECT + 16 + (long) REFERENCE * size;
  }

  /** A String's bytes on the heap: 0 for null. */
  static long string(String s) {
    if (s == null) {
      return 0;
    }
    int perChar = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        perChar = 2;
        break;
      }
    }
    return STRING + align((long) perChar * s.length());
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
