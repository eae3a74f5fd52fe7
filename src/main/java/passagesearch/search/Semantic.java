package passagesearch.search;

import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;
import passagesearch.query.ParsedQuery;

/**
 * Search by meaning beside search by words. The query's words, as the model reads them, become a vector;
 * the passages nearest it (within the search's filters and exclusions, and near enough:
 * {@code minSimilarity}) join the lexical matches, and each passage's score becomes a
 * weighted sum of its lexical score over the query's best and its similarity rescaled over the
 * candidates (meaning counts for less in a query of a few keywords
 * than in a question in sentences). The fused ranking is one Lucene query, so paging,
 * facets, folding and explanations work on it as on a lexical one.
 *
 * <p>A query written with search syntax (a quoted phrase, a prefix, a fuzzy word, a {@code +}) asks for
 * exactly that, and one that names a tag (a drug, a disease, a treatment: "Campath", "TKI") asks about that
 * thing, which a passage about a neighbouring one does not answer: meaning then reorders the lexical
 * matches and adds none. Dense retrieval is weakest exactly on such names.
 *
 * <p>What does not depend on Lucene (the mode, reading the query, the similarity floor and rescaling, the
 * snippet) is {@link QueryMeaning}'s, which the cluster's engine shares; here, the nearest passages by
 * Lucene's vector search and the fused Lucene query.
 */
final class Semantic {
  private final QueryMeaning meaning;

  Semantic(QueryMeaning meaning) {
    this.meaning = meaning;
  }

  /**
   * A query as searched: the fused Lucene query, how it was answered, its vector when it has one, and the
   * passages (doc ids) that joined by meaning.
   */
  record Fused(Query query, RetrievalMode mode, float[] vector, DocScoresQuery byMeaning) {
    Fused(Query query, RetrievalMode mode, float[] vector) {
      this(query, mode, vector, null);
    }

    boolean foundByMeaning(int doc) {
      return byMeaning != null && byMeaning.matches(doc);
    }

    /** The same search, its query made what {@code finish} makes of it. */
    Fused finished(UnaryOperator<Query> finish) {
      return new Fused(finish.apply(query), mode, vector, byMeaning);
    }
  }

  /** The query vectors kept for this generation. */
  KeptTableStats vectorCache() {
    return meaning.vectorCache();
  }

  /** The sentence vectors kept for this generation's snippets by meaning. */
  KeptTableStats sentenceCache() {
    return meaning.sentenceCache();
  }

  /** Whether searches on this generation can use meaning now, and why not. */
  RetrievalMode mode(OpenIndex index) {
    return meaning.mode(index.info().name(), index.info().vectorModel());
  }

  /**
   * The lexical query and the passages that join it by meaning, to search ({@link FusedCollection}); the
   * lexical query alone when the search cannot or need not use meaning.
   *
   * @param lexical the lexical query, filters included
   * @param restriction what every hit must satisfy: the filters and the exclusions alone
   */
  Fusion fuse(OpenIndex index, IndexSearcher searcher, ParsedQuery query, int contentWords, Query lexical,
      Query restriction) throws IOException {
    QueryMeaning.Reading reading = meaning.read(mode(index), query, contentWords);
    if (reading.vector() == null) {
      return Fusion.words(lexical, reading.mode(), null);
    }
    float[] vector = reading.vector();
    TopDocs near = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, meaning.candidates(), restriction),
        meaning.candidates());
    float[] cosines = new float[near.scoreDocs.length];
    for (int i = 0; i < cosines.length; i++) {
      cosines[i] = 2 * near.scoreDocs[i].score - 1; // Lucene scores a dot product as (1 + dot) / 2
    }
    QueryMeaning.Near kept = meaning.near(cosines);
    if (kept.isEmpty()) {
      return Fusion.words(lexical, reading.mode(), vector);
    }
    int[] docs = new int[kept.kept().length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = near.scoreDocs[kept.kept()[i]].doc;
    }
    return new Fusion(lexical, reading.mode(), vector, new DocScoresQuery(searcher.getIndexReader(), docs, kept.scores()),
        reading.weight(), reading.reorderOnly());
  }

  /**
   * The snippet of a hit that shares no word with the query: its sentence nearest in meaning. Empty when
   * the model is not ready (the highlighter's opening sentences stand).
   */
  Optional<String> snippet(String text, float[] vector, int maxLength) {
    return meaning.snippet(text, vector, maxLength);
  }
}
