package passagesearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's own sentence score (BM25 over the matched terms, favouring early sentences), counted
 * without the hash table of 32 KB blocks the stock scorer allocates for every candidate sentence: a
 * sentence has a handful of matches, so a linear scan finds repeated terms.
 */
final class SentenceScorer extends PassageScorer {
  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    float score = 0;
    for (int i = 0; i < matches; i++) {
      if (seenBefore(terms, i)) {
        continue;
      }
      int inPassage = 1;
      for (int j = i + 1; j < matches; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          inPassage++;
        }
      }
      score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
    }
    return score * norm(passage.getStartOffset());
  }

  private static boolean seenBefore(BytesRef[] terms, int i) {
    for (int j = 0; j < i; j++) {
      if (terms[j].bytesEquals(terms[i])) {
        return true;
      }
    }
    return false;
  }
}
