package passagesearch.ingest;

/**
 * One source document as read from the corpus: its metadata and its text, unchanged.
 *
 * @param text the file's full text, decoded as UTF-8; passage offsets index into it
 */
public record SourceDocument(DocumentMetadata metadata, String text) {
  public String id() {
    return metadata.id();
  }
}
