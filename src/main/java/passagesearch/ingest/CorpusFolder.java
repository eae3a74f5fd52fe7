package passagesearch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import passagesearch.config.Fingerprints;
import passagesearch.config.IngestLimits;

/**
 * A corpus folder read one document at a time: every file in name order, each JSON Lines record in line
 * order, handed on and forgotten. A file or record over the limits, or one that cannot be read, is skipped
 * with its reason before it takes any heap; the rest of the corpus is still read.
 */
public final class CorpusFolder implements DocumentSource {
  private final Path dir;
  private final IngestLimits limits;
  private final boolean strict;
  private String fingerprint;
  private volatile ReadReport lastReport = new ReadReport(List.of(), 0, List.of(), 0);

  CorpusFolder(Path dir, IngestLimits limits, boolean strict) {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException("corpus folder not found: " + dir);
    }
    this.dir = dir;
    this.limits = limits;
    this.strict = strict;
  }

  @Override
  public synchronized String fingerprint() {
    if (fingerprint == null) {
      fingerprint = Fingerprints.ofFolder(dir);
    }
    return fingerprint;
  }

  /** A file a document, a JSON Lines file a document per line: counted, not parsed. */
  @Override
  public int expectedDocuments() {
    long count = 0;
    for (Path file : files()) {
      String name = file.getFileName().toString();
      if (!isCorpusFile(name)) {
        continue;
      }
      count += Formats.extension(name).equals("jsonl") ? lineCount(file) : 1;
    }
    return (int) Math.min(Integer.MAX_VALUE, count);
  }

  @Override
  public ReadReport walk(Visitor visitor) {
    Map<String, Manifest.Entry> manifest = Manifest.read(dir);
    Problems problems = new Problems(limits.maxReasons(), strict);
    DocumentFactory documents = new DocumentFactory(problems);
    for (Path file : files()) {
      String name = file.getFileName().toString();
      if (!isCorpusFile(name)) {
        continue;
      }
      String extension = Formats.extension(name);
      if (!Formats.known().contains(extension)) {
        problems.skip(name + ": not a known document format (" + String.join(", ", Formats.known()) + ")");
        continue;
      }
      try {
        if (extension.equals("jsonl")) {
          if (manifest.remove(name) != null) {
            problems.warn(Manifest.FILE + ": the entry for '" + name + "' is not used: a JSON Lines file's "
                + "records state their own metadata");
          }
          JsonLines.read(file, name, limits.maxDocumentBytes(),
              (parsed, at) -> documents.make(name, at, parsed, null).ifPresent(d -> visitor.visit(d, problems::warn)),
              problems);
        } else {
          Formats.Parsed parsed = parse(file, name, extension);
          documents.make(name, name, parsed, manifest.remove(name)).ifPresent(d -> visitor.visit(d, problems::warn));
        }
      } catch (CorpusException e) {
        if (problems.failed()) {
          throw e;
        }
        problems.skip(e.getMessage().startsWith(name) ? e.getMessage() : name + ": " + e.getMessage());
      } catch (IOException e) {
        problems.skip(name + ": cannot be read: " + e.getMessage());
      }
    }
    for (String missing : manifest.keySet()) {
      problems.warn(Manifest.FILE + ": entry for '" + missing + "' has no file");
    }
    lastReport = problems.report();
    return lastReport;
  }

  /** What the last walk skipped and warned of (nothing before a walk). */
  public ReadReport lastReport() {
    return lastReport;
  }

  /**
   * A text, Markdown or HTML file's text and what it states; a file over the limits, or one the parsers
   * fail on in a way they do not foresee, is a {@link CorpusException} naming it: that file is skipped, not
   * the rebuild.
   */
  private Formats.Parsed parse(Path file, String name, String extension) throws IOException {
    try {
      return parseWithin(file, name, extension);
    } catch (CorpusException | IOException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CorpusException(name + ": cannot be parsed: " + e, e);
    }
  }

  private Formats.Parsed parseWithin(Path file, String name, String extension) throws IOException {
    long size = Files.size(file);
    if (size > limits.maxDocumentBytes()) {
      throw new CorpusException(String.format("%s: %,d bytes, more than the %,d a document may have "
          + "(limits.maxDocumentBytes)", name, size, limits.maxDocumentBytes()));
    }
    String text = decode(file, name);
    return switch (extension) {
      case "md", "markdown" -> Formats.markdown(text);
      case "html", "htm" -> {
        int tags = Formats.startTags(text);
        if (tags > limits.maxHtmlElements()) {
          throw new CorpusException(String.format("%s: %,d HTML elements, more than the %,d a page may have "
              + "(limits.maxHtmlElements)", name, tags, limits.maxHtmlElements()));
        }
        yield Formats.html(text);
      }
      default -> new Formats.Parsed(text, Formats.Stated.NONE);
    };
  }

  /** The file as UTF-8, without a byte-order mark: offsets count from the first character after it. */
  private static String decode(Path file, String name) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new CorpusException(name + ": not valid UTF-8", e);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static boolean isCorpusFile(String name) {
    return !name.equals(Manifest.FILE) && !name.startsWith(".") && !name.equalsIgnoreCase("README.md");
  }

  private List<Path> files() {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new CorpusException("cannot list corpus folder " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long lineCount(Path file) {
    long lines = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int last = '\n';
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        last = buffer[n - 1];
      }
      return last == '\n' ? lines : lines + 1;
    } catch (IOException e) {
      return 1; // the walk reports it
    }
  }

  /** Ids already given, so a second document with one is skipped, naming the first. */
  private static final class DocumentFactory {
    private final Problems problems;
    private final Map<String, String> ids = new HashMap<>();

    DocumentFactory(Problems problems) {
      this.problems = problems;
    }

    /** The document, or empty when it cannot be indexed (reported with {@code at}, its file and line). */
    Optional<SourceDocument> make(String name, String at, Formats.Parsed p, Manifest.Entry entry) {
      if (p.text().isBlank()) {
        problems.skip(at + ": the document is empty");
        return Optional.empty();
      }
      DocumentMetadata metadata = Metadata.of(name, at, p, entry, problems);
      String refusal = DocumentIds.refusal(metadata.id());
      if (refusal != null) {
        problems.skip(at + ": " + refusal);
        return Optional.empty();
      }
      String clash = ids.putIfAbsent(metadata.id(), at);
      if (clash != null) {
        problems.skip(at + ": document id '" + metadata.id() + "' is already used by " + clash);
        return Optional.empty();
      }
      return Optional.of(new SourceDocument(metadata, p.text()));
    }
  }
}
