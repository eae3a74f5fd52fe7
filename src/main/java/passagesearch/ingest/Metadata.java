package passagesearch.ingest;

/**
 * A document's metadata by preference: the manifest, then what the file states, then what the text and
 * the file name give. Titles are derived text, cut at a word when over {@link #MAX_TITLE} characters.
 */
final class Metadata {
  /** A title is shown in every hit and scored as a field; a page's whole text is not a title. */
  static final int MAX_TITLE = 300;

  private Metadata() {}

  static DocumentMetadata of(String name, String at, Formats.Parsed p, Manifest.Entry entry, Problems problems) {
    if (entry != null) {
      return entry.metadata();
    }
    Formats.Stated s = p.stated();
    DocumentMetadata derived = derived(name, p.text());
    if (s.id() == null && s.title() == null) {
      problems.warn(name + ": no manifest entry; id '" + derived.id() + "' and title from the text");
    }
    String id = derived.id();
    if (s.id() != null) {
      id = DocumentIds.safe(s.id());
      if (!id.equals(s.id())) {
        problems.warn(at + ": id '" + shorten(s.id()) + "' is indexed as '" + shorten(id) + "'");
      }
    }
    String title = s.title() == null ? derived.title() : s.title();
    if (title.length() > MAX_TITLE) {
      problems.warn(String.format("%s: a title of %,d characters is cut to %d", at, title.length(), MAX_TITLE));
      title = Text.cutAtWord(title, MAX_TITLE);
    }
    return new DocumentMetadata(id, name, title, s.publisher(), s.author(), s.url(), s.updated(), s.reviewed(),
        s.nextReview());
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

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
