package passagesearch.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code manifest.json}: each listed file's id and metadata. A bad manifest fails the read as a whole. */
final class Manifest {
  static final String FILE = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Manifest() {}

  record ManifestFile(List<Entry> documents) {}

  record Entry(
      String id,
      String file,
      String receivedAs,
      String title,
      String publisher,
      String author,
      String url,
      String updated,
      String reviewed,
      String nextReview) {

    DocumentMetadata metadata() {
      return new DocumentMetadata(id, file, title, publisher, author, url, updated, reviewed, nextReview);
    }
  }

  /** The entries by file name; empty when the folder has no manifest. */
  static Map<String, Entry> read(Path dir) {
    Path file = dir.resolve(FILE);
    Map<String, Entry> byFile = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return byFile;
    }
    ManifestFile parsed;
    try {
      parsed = JSON.readValue(file.toFile(), ManifestFile.class);
    } catch (IOException e) {
      throw new CorpusException(FILE + ": " + e.getMessage().lines().findFirst().orElse("unreadable"), e);
    }
    if (parsed == null || parsed.documents() == null) {
      throw new CorpusException(FILE + ": needs a \"documents\" list");
    }
    for (int i = 0; i < parsed.documents().size(); i++) {
      Entry e = parsed.documents().get(i);
      String at = FILE + ": documents[" + i + "]";
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
}
