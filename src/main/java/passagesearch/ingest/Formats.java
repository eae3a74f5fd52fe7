package passagesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The document formats a corpus may hold, each to text the splitter reads and the metadata the file
 * itself states. Plain text and Markdown keep the file's text, so offsets point into the file (front
 * matter is blanked to spaces, keeping every offset); HTML is rendered to text from its structure, and
 * offsets point into that rendering (kept with each index generation); JSON Lines ({@link JsonLines}) give
 * one document a line, offsets into its {@code text}.
 */
final class Formats {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R", Pattern.DOTALL);
  private static final String DROPPED =
      "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select, [hidden]";
  private static final String LEAF_BLOCKS = "h1, h2, h3, h4, h5, h6, p, pre, dt, dd, th, td, figcaption, caption";

  private Formats() {}

  /** What a file states about itself; any field may be null. */
  record Stated(String id, String title, String publisher, String author, String url, String updated, String reviewed,
      String nextReview) {
    static final Stated NONE = new Stated(null, null, null, null, null, null, null, null);
  }

  /** A document's text and what it states about itself. */
  record Parsed(String text, Stated stated) {}

  static Parsed markdown(String file) {
    Matcher m = FRONT_MATTER.matcher(file);
    if (!m.find()) {
      return new Parsed(file, Stated.NONE);
    }
    JsonNode front;
    try {
      front = YAML.readTree(m.group(1));
    } catch (IOException e) {
      throw new CorpusException("front matter is not valid YAML: " + firstLine(e.getMessage()));
    }
    String blanked = m.group().replaceAll("[^\\n\\r]", " ") + file.substring(m.end());
    return new Parsed(blanked, front == null || !front.isObject() ? Stated.NONE : stated(front));
  }

  static Parsed html(String file) {
    Document doc = Jsoup.parse(file);
    Stated stated = new Stated(
        null,
        firstNonBlank(doc.title(), doc.select("h1").text()),
        firstNonBlank(meta(doc, "meta[property=og:site_name]"), meta(doc, "meta[name=publisher]")),
        meta(doc, "meta[name=author]"),
        firstNonBlank(doc.select("link[rel=canonical]").attr("href"), meta(doc, "meta[property=og:url]")),
        isoDay(firstNonBlank(meta(doc, "meta[property=article:modified_time]"), meta(doc, "meta[name=last-modified]"))),
        isoDay(meta(doc, "meta[name=last-reviewed]")),
        isoDay(meta(doc, "meta[name=next-review]")));
    doc.select(DROPPED).remove();
    StringBuilder out = new StringBuilder();
    for (Element e : doc.body().select(LEAF_BLOCKS + ", li")) {
      if (hasAncestor(e, LEAF_BLOCKS)) {
        continue;
      }
      String text = e.tagName().equals("li") ? ownInlineText(e) : e.text();
      if (text.isBlank()) {
        continue;
      }
      switch (e.tagName()) {
        case "h1", "h2" -> out.append("# ").append(text).append("\n\n");
        case "h3", "h4", "h5", "h6" -> out.append("### ").append(text).append("\n\n");
        case "li" -> out.append("  ".repeat(depth(e))).append("• ").append(text).append('\n');
        default -> out.append(text).append("\n\n");
      }
    }
    return new Parsed(out.toString(), stated);
  }

  /**
   * Start tags in an HTML file, counted without parsing it: {@code <} followed by a letter. Comments and
   * script text may add a few; a parsed tree has at most this many elements plus the ones jsoup adds.
   */
  static int startTags(String html) {
    int count = 0;
    int at = html.indexOf('<');
    while (at >= 0 && at + 1 < html.length()) {
      char c = html.charAt(at + 1);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        count++;
      }
      at = html.indexOf('<', at + 1);
    }
    return count;
  }

  private static Stated stated(JsonNode n) {
    return new Stated(text(n, "id"), text(n, "title"), text(n, "publisher"), text(n, "author"), text(n, "url"),
        isoDay(text(n, "updated")), isoDay(text(n, "reviewed")), isoDay(text(n, "nextReview")));
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().strip();
  }

  /** The day of an ISO date or date-time; null when the value is absent or not a date. */
  static String isoDay(String value) {
    if (value == null || value.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 10)).toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String meta(Document doc, String selector) {
    String v = doc.select(selector).attr("content");
    return v.isBlank() ? null : v.strip();
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static boolean hasAncestor(Element e, String selector) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.is(selector)) {
        return true;
      }
    }
    return false;
  }

  private static int depth(Element li) {
    int depth = 0;
    for (Element p = li.parent(); p != null; p = p.parent()) {
      if (p.is("li")) {
        depth++;
      }
    }
    return depth;
  }

  /** A list item's own words, without its nested lists and blocks (those are read on their own). */
  private static String ownInlineText(Element li) {
    StringBuilder out = new StringBuilder();
    for (Node child : li.childNodes()) {
      if (child instanceof TextNode t) {
        out.append(t.text());
      } else if (child instanceof Element c && !c.is("ul, ol, p, div, " + LEAF_BLOCKS)) {
        out.append(c.text());
      }
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  static List<String> known() {
    return new ArrayList<>(List.of("txt", "md", "markdown", "html", "htm", "jsonl"));
  }
}
