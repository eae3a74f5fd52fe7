package passagesearch.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import passagesearch.config.Fingerprints;
import passagesearch.config.IngestLimits;

/**
 * Reads a corpus folder: every {@code .txt}, {@code .md}, {@code .html} and {@code .jsonl} file gives
 * documents, and {@code manifest.json} gives each file its metadata. A document with no manifest entry
 * still indexes, titled by its first line and identified by its file name, with a warning. A file or
 * record that cannot be read, or is over the {@link IngestLimits}, is skipped with its reason.
 */
public final class CorpusReader {
  public static final String MANIFEST = Manifest.FILE;

  private final IngestLimits limits;
  private final boolean strict;

  /** A reader with the default limits that skips unreadable files, reporting each. */
  public CorpusReader() {
    this(false);
  }

  /** @param strict fail on the first file that cannot be read, instead of skipping it */
  public CorpusReader(boolean strict) {
    this(IngestLimits.defaults(), strict);
  }

  public CorpusReader(IngestLimits limits, boolean strict) {
    this.limits = limits;
    this.strict = strict;
  }

  /** The fingerprint {@link #read} gives the corpus, without reading its documents. */
  public String fingerprint(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException("corpus folder not found: " + dir);
    }
    return Fingerprints.ofFolder(dir);
  }

  /** The folder as a source read one document at a time: what an index build walks. */
  public CorpusFolder folder(Path dir) {
    return new CorpusFolder(dir, limits, strict);
  }

  /** Every document of the folder, in the heap: for small corpora (evaluation, tests). */
  public Corpus read(Path dir) {
    CorpusFolder folder = folder(dir);
    List<SourceDocument> documents = new ArrayList<>();
    ReadReport report = folder.walk((document, warnings) -> documents.add(document));
    return new Corpus(documents, report.warnings(), report.skipped(), folder.fingerprint(), report.skippedTotal());
  }
}
