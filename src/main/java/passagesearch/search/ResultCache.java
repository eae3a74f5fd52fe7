package passagesearch.search;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers to recent searches on one generation, so a repeated search (the popular questions) costs a
 * lookup. It lives and dies with its generation, so a rebuild can never serve a stale answer. Bounded by
 * entries; when full, an arbitrary entry makes room, which keeps reads free of locks. Answers cut short
 * by the time limit are not kept.
 */
final class ResultCache {
  private final int capacity;
  private final ConcurrentHashMap<SearchRequest, SearchResponse> answers;

  ResultCache(int capacity) {
    this.capacity = capacity;
    this.answers = new ConcurrentHashMap<>(Math.max(16, Math.min(capacity, 4096)));
  }

  /** The answer kept for this request, or null. */
  SearchResponse get(SearchRequest request) {
    return capacity == 0 ? null : answers.get(request);
  }

  void put(SearchRequest request, SearchResponse response) {
    if (capacity == 0 || response.partial() != null) {
      return;
    }
    Iterator<SearchRequest> oldest = answers.keySet().iterator();
    while (answers.size() >= capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
    answers.put(request, response);
  }

  int size() {
    return answers.size();
  }
}
