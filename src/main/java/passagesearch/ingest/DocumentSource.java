package passagesearch.ingest;

import java.util.function.Consumer;

/**
 * A corpus read one document at a time: what an index build walks. Each document is handed over, then
 * forgotten by the source, so a corpus of any size takes the heap of its largest document.
 */
public interface DocumentSource {
  /** A hash of every file of the corpus; an index built from another fingerprint is stale. */
  String fingerprint();

  /** About how many documents a walk gives, for progress; bad records make it more than it gives. */
  int expectedDocuments();

  /** Gives every document, in corpus order, to {@code visitor}; says what was skipped and why. */
  ReadReport walk(Visitor visitor);

  /** Takes one document; what it notices about it (a cut passage) goes to {@code warnings}. */
  @FunctionalInterface
  interface Visitor {
    void visit(SourceDocument document, Consumer<String> warnings);
  }
}
