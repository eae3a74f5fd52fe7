package passagesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import passagesearch.query.Concept;

/**
 * What a query asks about, and whether a passage mentions all of it.
 *
 * @param concepts the query's concepts, as a reader reads them: the tags its words name (a drug by its
 *     name, whatever name was typed), its quoted phrases, its other content words
 * @param complete whether any passage among the results mentions every concept
 * @param message when none does, that in plain words, with what the hits shown are about (absent otherwise)
 */
public record QueryCoverage(List<String> concepts, boolean complete,
    @JsonInclude(JsonInclude.Include.NON_NULL) String message) {
  public QueryCoverage {
    concepts = List.copyOf(concepts);
  }

  /** Whether a passage among the results mentions every concept: asked of the engine only when no hit shown does. */
  @FunctionalInterface
  public interface Elsewhere<E extends Exception> {
    boolean mentionsAll() throws E;
  }

  /**
   * The coverage of a page of results, either engine's: complete when a hit shown mentions every concept, or
   * else when the engine finds a passage among the results that does ({@code elsewhere}); null for a query with
   * no concepts.
   *
   * @param page how each hit shown covers the concepts
   * @param filtered whether the results are narrowed by tag or source filters
   */
  public static <E extends Exception> QueryCoverage ofPage(List<Concept> asked, List<Coverage> page,
      Elsewhere<E> elsewhere, boolean filtered) throws E {
    if (asked.isEmpty()) {
      return null;
    }
    boolean complete = page.stream().anyMatch(Coverage::complete) || elsewhere.mentionsAll();
    List<Boolean> shown = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      int at = i;
      shown.add(page.stream().anyMatch(c -> c.ways().get(at).mentions()));
    }
    return of(asked.stream().map(Concept::text).toList(), complete, shown, !page.isEmpty(), filtered);
  }

  /**
   * The coverage of a query's results.
   *
   * @param complete whether a passage among the results mentions every concept
   * @param shown for each concept, whether a hit shown mentions it
   * @param anyShown whether any hit is shown
   * @param filtered whether the results are narrowed by tag or source filters
   */
  static QueryCoverage of(List<String> concepts, boolean complete, List<Boolean> shown, boolean anyShown, boolean filtered) {
    if (complete) {
      return new QueryCoverage(concepts, true, null);
    }
    StringBuilder m = new StringBuilder(filtered ? "No passage matching the filters mentions " : "No passage in these sources mentions ");
    if (concepts.size() == 2) {
      m.append(concepts.get(0)).append(" together with ").append(concepts.get(1)).append('.');
    } else {
      m.append(and(concepts)).append(concepts.size() > 2 ? " together." : ".");
    }
    List<String> about = new ArrayList<>();
    for (int i = 0; i < concepts.size(); i++) {
      if (shown.get(i)) {
        about.add(concepts.get(i));
      }
    }
    if (!anyShown) {
      // No hit on this page: nothing to say about it.
    } else if (about.isEmpty()) {
      m.append(" Showing passages related in meaning.");
    } else if (about.size() == concepts.size()) {
      m.append(" Showing passages about each.");
    } else {
      m.append(" Showing passages about ").append(and(about)).append('.');
    }
    return new QueryCoverage(concepts, false, m.toString());
  }

  /** "a", "a and b", "a, b and c". */
  private static String and(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
