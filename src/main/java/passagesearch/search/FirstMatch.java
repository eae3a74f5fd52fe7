package passagesearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Whether any passage of a segment is in one set and in one of each of several groups of sets: nothing is
 * scored, and matching stops at the first live match. The sets are iterators the caller already has, so no
 * query is rewritten, weighed or looked up in the terms dictionary again.
 */
final class FirstMatch {
  private FirstMatch() {}

  /**
   * @param within the passages allowed (filters, exclusions), unread
   * @param anyOfEach for each group, its iterators, unread; a passage must be in one iterator of every group
   * @param live the segment's live passages; null when none is deleted
   */
  static boolean exists(DocIdSetIterator within, List<List<DocIdSetIterator>> anyOfEach, Bits live) throws IOException {
    int doc = within.nextDoc();
    while (doc != DocIdSetIterator.NO_MORE_DOCS) {
      int next = doc;
      for (List<DocIdSetIterator> group : anyOfEach) {
        next = firstFrom(group, doc);
        if (next != doc) {
          break;
        }
      }
      if (next == doc) {
        if (live == null || live.get(doc)) {
          return true;
        }
        next = doc + 1;
      }
      if (next == DocIdSetIterator.NO_MORE_DOCS) {
        return false;
      }
      doc = within.advance(next);
    }
    return false;
  }

  /** The first passage at or after {@code target} in any of the iterators (each left there or beyond). */
  private static int firstFrom(List<DocIdSetIterator> any, int target) throws IOException {
    int first = DocIdSetIterator.NO_MORE_DOCS;
    for (DocIdSetIterator it : any) {
      int at = it.docID() < target ? it.advance(target) : it.docID();
      first = Math.min(first, at);
    }
    return first;
  }
}
