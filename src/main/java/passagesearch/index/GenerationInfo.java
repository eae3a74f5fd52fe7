package passagesearch.index;

import java.util.List;
import passagesearch.ingest.DocumentMetadata;

/**
 * What one index generation holds and how it was made; written beside the Lucene files.
 *
 * @param name the generation's folder name ({@code gen-000001})
 * @param builtAt ISO-8601 instant the build finished
 * @param corpusFingerprint hash of the corpus folder it was built from
 * @param configFingerprint hash of the index-config folder it was built with
 * @param documents the sources, in corpus order, with their passage counts
 * @param passages passages in the generation
 * @param buildMillis how long the build took
 * @param layout the document layout it was written with (0 when written before layouts were recorded)
 * @param vectorModel the embedding model its passage vectors come from; null when it has none (semantic
 *     retrieval off, or the model unavailable when it was built): it is searched by words alone
 */
public record GenerationInfo(
    String name,
    String builtAt,
    String corpusFingerprint,
    String configFingerprint,
    List<DocumentEntry> documents,
    int passages,
    long buildMillis,
    int layout,
    String vectorModel) {

  public GenerationInfo {
    documents = List.copyOf(documents);
  }

  /** A source and how many passages it gave. */
  public record DocumentEntry(DocumentMetadata metadata, int passages) {}
}
