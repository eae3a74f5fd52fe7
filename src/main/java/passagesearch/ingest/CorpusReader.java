package passagesearch.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import passagesearch.config.Fingerprints;

/**
 * Reads a corpus folder: every {@code .txt} file is a document, and {@code manifest.json} gives each its
 * metadata. A document with no manifest entry still indexes, titled by its first line and identified by
 * its file name, with a warning.
 */
public final class CorpusReader {
  public static final String MANIFEST = "manifest.json";

  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record ManifestFile(List<ManifestEntry> documents) {}

  record ManifestEntry(
      String id,
      String file,
      String receivedAs,
      String title,
      String publisher,
      String author,
      String url,
      String updated,
      String reviewed,
      String nextReview) {}

  private final boolean strict;

  /** A reader that skips unreadable files, reporting each. */
  public CorpusReader() {
    this(false);
  }

  /** @param strict fail on the first file that cannot be read, instead of skipping it */
  public CorpusReader(boolean strict) {
    this.strict = strict;
  }

  /** The fingerprint {@link #read} gives the corpus, without reading its documents. */
  public String fingerprint(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException("corpus folder not found: " + dir);
    }
    return Fingerprints.ofFolder(dir);
  }

  public Corpus read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException("corpus folder not found: " + dir);
    }
    Map<String, ManifestEntry> manifest = manifest(dir);
    List<SourceDocument> documents = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    for (Path file : files(dir)) {
      String name = file.getFileName().toString();
      if (name.equals(MANIFEST) || name.startsWith(".") || name.equalsIgnoreCase("README.md")) {
        continue;
      }
      String extension = Formats.extension(name);
      if (!Formats.known().contains(extension)) {
        skipped.add(name + ": not a known document format (" + String.join(", ", Formats.known()) + ")");
        continue;
      }
      try {
        String text = decode(file);
        List<Formats.Parsed> parsed = new ArrayList<>();
        switch (extension) {
          case "jsonl" -> Formats.jsonLines(text, name, parsed::add, skipped);
          case "md", "markdown" -> parsed.add(Formats.markdown(text));
          case "html", "htm" -> parsed.add(Formats.html(text));
          default -> parsed.add(new Formats.Parsed(text, Formats.Stated.NONE));
        }
        ManifestEntry entry = parsed.size() == 1 ? manifest.remove(name) : null;
        for (Formats.Parsed p : parsed) {
          if (p.text().isBlank()) {
            skipped.add(name + ": the document is empty");
            continue;
          }
          DocumentMetadata metadata = metadata(name, p, entry, warnings);
          String clash = ids.putIfAbsent(metadata.id(), name);
          if (clash != null) {
            skipped.add(name + ": document id '" + metadata.id() + "' is already used by " + clash);
            continue;
          }
          documents.add(new SourceDocument(metadata, p.text()));
        }
      } catch (CorpusException e) {
        skipped.add(e.getMessage().startsWith(name) ? e.getMessage() : name + ": " + e.getMessage());
      }
    }
    for (String missing : manifest.keySet()) {
      warnings.add(MANIFEST + ": entry for '" + missing + "' has no file");
    }
    if (strict && !skipped.isEmpty()) {
      throw new CorpusException("--strict: " + skipped.size() + " file(s) or line(s) could not be read: "
          + String.join("; ", skipped));
    }
    return new Corpus(documents, warnings, skipped, Fingerprints.ofFolder(dir));
  }

  /** Metadata by preference: the manifest, then what the file states, then what the text and name give. */
  private static DocumentMetadata metadata(String name, Formats.Parsed p, ManifestEntry entry, List<String> warnings) {
    if (entry != null) {
      return fromManifest(entry);
    }
    Formats.Stated s = p.stated();
    DocumentMetadata derived = derived(name, p.text());
    if (s.id() == null && s.title() == null) {
      warnings.add(name + ": no manifest entry; id '" + derived.id() + "' and title from the text");
    }
    String id = s.id() == null ? derived.id() : s.id().replaceAll("[^A-Za-z0-9._-]+", "-");
    return new DocumentMetadata(id, name, s.title() == null ? derived.title() : s.title(), s.publisher(), s.author(),
        s.url(), s.updated(), s.reviewed(), s.nextReview());
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new CorpusException("cannot list corpus folder " + dir + ": " + e.getMessage(), e);
    }
  }

  private Map<String, ManifestEntry> manifest(Path dir) {
    Path file = dir.resolve(MANIFEST);
    Map<String, ManifestEntry> byFile = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return byFile;
    }
    ManifestFile parsed;
    try {
      parsed = json.readValue(file.toFile(), ManifestFile.class);
    } catch (IOException e) {
      throw new CorpusException(MANIFEST + ": " + e.getMessage().lines().findFirst().orElse("unreadable"), e);
    }
    if (parsed == null || parsed.documents() == null) {
      throw new CorpusException(MANIFEST + ": needs a \"documents\" list");
    }
    for (int i = 0; i < parsed.documents().size(); i++) {
      ManifestEntry e = parsed.documents().get(i);
      String at = MANIFEST + ": documents[" + i + "]";
      if (e.file() == null || e.id() == null || !e.id().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new CorpusException(at + ": needs a file and an id of letters, digits, '.', '_' or '-'");
      }
      for (String date : new String[] {e.updated(), e.reviewed(), e.nextReview()}) {
        checkDate(date, at);
      }
      if (byFile.put(e.file(), e) != null) {
        throw new CorpusException(at + ": file '" + e.file() + "' is listed twice");
      }
    }
    return byFile;
  }

  private static void checkDate(String date, String at) {
    if (date == null) {
      return;
    }
    try {
      LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new CorpusException(at + ": '" + date + "' is not a date in the form YYYY-MM-DD");
    }
  }

  private static DocumentMetadata fromManifest(ManifestEntry e) {
    return new DocumentMetadata(
        e.id(), e.file(), e.title(), e.publisher(), e.author(), e.url(), e.updated(), e.reviewed(), e.nextReview());
  }

  /** Metadata for a document the manifest does not list: only what the text and the name give. */
  static DocumentMetadata derived(String fileName, String text) {
    String stem = fileName.replaceFirst("\\.[^.]*$", "");
    String id = stem.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
    if (id.isEmpty()) {
      id = "document";
    }
    String title = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(stem);
    if (title.length() > 200) {
      title = title.substring(0, 200);
    }
    return new DocumentMetadata(id, fileName, title, null, null, null, null, null, null);
  }

  private static String decode(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CorpusException(file.getFileName() + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new CorpusException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
    }
  }
}
