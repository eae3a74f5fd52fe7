package passagesearch.search;

import java.util.List;
import java.util.Optional;

/**
 * What the HTTP surface and the commands ask of a search engine: the embedded Lucene one
 * ({@link SearchService}, the default) or an OpenSearch cluster ({@code passagesearch.opensearch}). Requests and
 * answers are this room's records, so the routes, the page and the JSON are the same whichever answers.
 *
 * <p>An engine that cannot be reached throws {@link EngineUnavailableException} (503); one that cannot do
 * something yet throws {@link UnsupportedByEngineException} (501).
 */
public interface SearchEngine extends AutoCloseable {
  SearchResponse search(SearchRequest request);

  /** The ids of the best {@code n} passages for a query, ranked as {@link #search} ranks them: for evaluation. */
  List<String> rankIds(String query, int n);

  /** Completions for a search box, best first. */
  List<Suggestion> suggest(SuggestRequest request);

  /** A page of the sources, in corpus order, with how many there are. */
  DocumentList documents(Page page);

  /** A source with a page of its passages in order; empty for an unknown id. */
  Optional<DocumentView> document(String id, Page page);

  /** A passage in place; empty for an unknown id. */
  Optional<PassageView> passage(String id);

  /** The tag vocabulary with passage counts. */
  List<TagCount.Group> tags();

  /** What the engine's answer cache holds and how often it answered; {@link AnswerCacheStats#NONE} without one. */
  default AnswerCacheStats answerCache() {
    return AnswerCacheStats.NONE;
  }

  /**
   * What one of the engine's tables of kept work holds and how often it spared the work;
   * {@link KeptTableStats#NONE} for a table the engine does not keep.
   */
  default KeptTableStats kept(KeptTable table) {
    return KeptTableStats.NONE;
  }

  /** What is being served, for clients. */
  IndexStatus status();

  /** The name of the generation being served: the ETag of catalogue answers and suggestions. */
  String servedGeneration();

  @Override
  void close();
}
