package passagesearch.search;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers to recent searches on one generation, so a repeated search (the popular questions) costs a
 * lookup. It lives and dies with its generation, so a rebuild can never serve a stale answer. Bounded by
 * entries and by the characters the answers hold, so a flood of distinct 50-hit queries cannot fill the
 * heap; when full, arbitrary entries make room, which keeps reads free of locks. Answers cut short by the
 * time limit, and answers with explanations (a debugging aid, and large), are not kept.
 */
final class ResultCache {
  /** About 16 MB of answers at most, whatever the entry count: an eighth of the production heap. */
  static final long MAX_CHARS = 8_000_000;
  private static final int CHARS_PER_HIT = 400;
  private static final int CHARS_PER_ANSWER = 2_000;

  private final int capacity;
  private final long maxChars;
  private final ConcurrentHashMap<SearchRequest, Kept> answers;
  private final AtomicLong chars = new AtomicLong();

  private record Kept(SearchResponse response, long chars) {}

  ResultCache(int capacity, long maxChars) {
    this.capacity = capacity;
    this.maxChars = maxChars;
    this.answers = new ConcurrentHashMap<>(Math.max(16, Math.min(capacity, 4096)));
  }

  /** The answer kept for this request, or null. */
  SearchResponse get(SearchRequest request) {
    if (capacity == 0) {
      return null;
    }
    Kept kept = answers.get(request);
    return kept == null ? null : kept.response();
  }

  void put(SearchRequest request, SearchResponse response) {
    if (capacity == 0 || response.partial() != null || request.explain()) {
      return;
    }
    long size = weight(response);
    if (size > maxChars / 8) {
      return;
    }
    Iterator<SearchRequest> keys = answers.keySet().iterator();
    while ((answers.size() >= capacity || chars.get() + size > maxChars) && keys.hasNext()) {
      Kept gone = answers.remove(keys.next());
      if (gone != null) {
        chars.addAndGet(-gone.chars());
      }
    }
    Kept previous = answers.put(request, new Kept(response, size));
    chars.addAndGet(previous == null ? size : size - previous.chars());
  }

  int size() {
    return answers.size();
  }

  /** The characters the kept answers hold, roughly. */
  long chars() {
    return chars.get();
  }

  /** Roughly how many characters an answer holds: its passages' text and snippets, and the rest. */
  private static long weight(SearchResponse response) {
    long n = CHARS_PER_ANSWER + response.query().length();
    for (SearchHit hit : response.hits()) {
      n += CHARS_PER_HIT + hit.text().length() + hit.snippet().length();
    }
    return n;
  }
}
