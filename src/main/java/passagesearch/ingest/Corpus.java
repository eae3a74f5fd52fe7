package passagesearch.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The documents of a corpus folder, in file-name order, all in the heap: for small corpora and tests
 * (a BEIR collection is evaluated this way). An index build walks a {@link CorpusFolder} instead, one
 * document at a time.
 *
 * @param warnings what a reader of the logs should know (documents without a manifest entry)
 * @param skipped files and lines that could not be read, each with its name, line and reason (the first
 *     few; a last line counts the rest)
 * @param fingerprint a hash of every file in the folder; an index built from another fingerprint is stale
 * @param skippedTotal how many files, lines and documents were skipped in all
 */
public record Corpus(List<SourceDocument> documents, List<String> warnings, List<String> skipped, String fingerprint,
    int skippedTotal) implements DocumentSource {
  public Corpus {
    documents = List.copyOf(documents);
    warnings = List.copyOf(warnings);
    skipped = List.copyOf(skipped);
  }

  public Corpus(List<SourceDocument> documents, List<String> warnings, List<String> skipped, String fingerprint) {
    this(documents, warnings, skipped, fingerprint, skipped.size());
  }

  @Override
  public int expectedDocuments() {
    return documents.size();
  }

  @Override
  public ReadReport walk(Visitor visitor) {
    Problems problems = new Problems(Integer.MAX_VALUE, false);
    for (SourceDocument document : documents) {
      visitor.visit(document, problems::warn);
    }
    ReadReport more = problems.report();
    List<String> allWarnings = new ArrayList<>(warnings);
    allWarnings.addAll(more.warnings());
    return new ReadReport(allWarnings, allWarnings.size(), skipped, skippedTotal);
  }
}
