package passagesearch.search;

import passagesearch.ingest.DocumentMetadata;

/** The attribution a hit carries: the document and what it states about itself (null where it does not). */
public record SourceRef(
    String id, String title, String publisher, String url, String updated, String reviewed, String nextReview) {

  public static SourceRef of(DocumentMetadata m) {
    return new SourceRef(m.id(), m.title(), m.publisher(), m.url(), m.updated(), m.reviewed(), m.nextReview());
  }
}
