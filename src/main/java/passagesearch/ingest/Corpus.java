package passagesearch.ingest;

import java.util.List;

/**
 * The documents of a corpus folder, in file-name order.
 *
 * @param warnings what a reader of the logs should know (documents without a manifest entry)
 * @param skipped files and lines that could not be read, each with its name, line and reason
 * @param fingerprint a hash of every file in the folder; an index built from another fingerprint is stale
 */
public record Corpus(List<SourceDocument> documents, List<String> warnings, List<String> skipped, String fingerprint) {
  public Corpus {
    documents = List.copyOf(documents);
    warnings = List.copyOf(warnings);
    skipped = List.copyOf(skipped);
  }
}
