package passagesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JSON Lines file, one document a line, read one record at a time: a line longer than the bound is
 * read past and skipped, never held; a bad line is skipped with its number and reason.
 */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Lines whose reasons are given one by one, per file; the rest are counted in one line. */
  private static final int REASONS_PER_FILE = 5;

  private JsonLines() {}

  /** A record that is a document. */
  @FunctionalInterface
  interface Each {
    void accept(Formats.Parsed parsed, String at);
  }

  /** Gives each line that is a document to {@code each}; returns how many were. */
  static int read(Path file, String name, int maxBytes, Each each, Problems problems) throws IOException {
    int documents = 0;
    int bad = 0;
    String firstReason = null;
    try (InputStream in = Files.newInputStream(file)) {
      BoundedLines lines = new BoundedLines(in, maxBytes);
      while (lines.next()) {
        if (!lines.tooLong() && lines.blank()) {
          continue;
        }
        String at = name + " line " + lines.number();
        String reason;
        Formats.Parsed parsed = null;
        if (lines.tooLong()) {
          reason = String.format("a record of %,d bytes, more than the %,d one may have (limits.maxDocumentBytes)",
              lines.fullLength(), maxBytes);
        } else {
          parsed = parse(lines);
          reason = parsed == null ? problem(lines) : null;
        }
        if (reason == null) {
          documents++;
          each.accept(parsed, at);
          continue;
        }
        bad++;
        if (firstReason == null) {
          firstReason = reason;
        }
        if (bad <= REASONS_PER_FILE) {
          problems.skip(at + ": " + reason);
        } else {
          problems.countSkip(at + ": " + reason);
        }
      }
    }
    if (bad > REASONS_PER_FILE) {
      problems.note(String.format("%s: %,d more bad lines were skipped after the first %d", name,
          bad - REASONS_PER_FILE, REASONS_PER_FILE));
    }
    if (documents == 0 && bad > 0) {
      problems.note(String.format("%s: none of its %,d records is a document (the first: %s)", name, bad, firstReason));
    }
    return documents;
  }

  /** The record as a document, or null when it is not one (then {@link #problem} says why). */
  private static Formats.Parsed parse(BoundedLines line) {
    JsonNode n;
    try {
      n = JSON.readTree(line.bytes(), 0, line.length());
    } catch (IOException e) {
      return null;
    }
    if (n == null || !n.isObject() || !n.hasNonNull("_id") || !n.get("_id").isValueNode()) {
      return null;
    }
    if (!n.hasNonNull("text") || !n.get("text").isTextual() || n.get("text").asText().isBlank()) {
      return null;
    }
    JsonNode meta = n.has("metadata") && n.get("metadata").isObject() ? n.get("metadata") : JSON.createObjectNode();
    Formats.Stated stated = new Formats.Stated(
        n.get("_id").asText(),
        Formats.text(n, "title"),
        Formats.text(meta, "publisher"),
        Formats.text(meta, "author"),
        Formats.firstNonBlank(Formats.text(n, "url"), Formats.text(meta, "url")),
        Formats.isoDay(Formats.text(meta, "updated")),
        Formats.isoDay(Formats.text(meta, "reviewed")),
        Formats.isoDay(Formats.text(meta, "nextReview")));
    return new Formats.Parsed(n.get("text").asText(), stated);
  }

  /** Why a line is not a document (parsed again: bad lines are rare, and this keeps the good path short). */
  private static String problem(BoundedLines line) {
    JsonNode n;
    try {
      n = JSON.readTree(line.bytes(), 0, line.length());
    } catch (IOException e) {
      return "not valid JSON (" + Formats.firstLine(e.getMessage()) + ")";
    }
    if (n == null || !n.isObject() || !n.hasNonNull("_id") || !n.get("_id").isValueNode()) {
      return "needs an \"_id\"";
    }
    return "the document is empty (no \"text\")";
  }
}
