package passagesearch.query;

import java.util.List;

/**
 * The query's words as free text, read from its operands: the words of every operand that is not excluded
 * ({@link #included}), and of every excluded one ({@link #excluded}), in the order typed. Synonyms,
 * proximity and tags read these. An operand inside an excluded group is excluded, so in
 * {@code transplant -"stem cell"} both {@code stem} and {@code cell} are excluded words; a phrase's slop
 * ({@code "a b"~3}) and a fuzzy word's edits ({@code word~1}) are operators, not words.
 */
final class FreeWords {
  private FreeWords() {}

  static String included(List<Clause> clauses) {
    StringBuilder out = new StringBuilder();
    collect(clauses, false, false, out);
    return out.toString().strip();
  }

  static String excluded(List<Clause> clauses) {
    StringBuilder out = new StringBuilder();
    collect(clauses, false, true, true, out);
    return out.toString().strip();
  }

  /**
   * The included words outside quoted phrases: what synonyms may expand, and what may name a tag that finds a
   * passage alone. A phrase asks for its words as typed (their spelling variants are the same word).
   */
  static String outsidePhrases(List<Clause> clauses) {
    StringBuilder out = new StringBuilder();
    collect(clauses, false, false, false, out);
    return out.toString().strip();
  }

  private static void collect(List<Clause> clauses, boolean outer, boolean wanted, StringBuilder out) {
    collect(clauses, outer, wanted, true, out);
  }

  /** Appends the words of the operands whose exclusion (with {@code outer}'s) is {@code wanted}. */
  private static void collect(List<Clause> clauses, boolean outer, boolean wanted, boolean phrases, StringBuilder out) {
    for (Clause c : clauses) {
      boolean excluded = outer ^ c.excluded();
      String text = switch (c.node()) {
        case Node.Term t -> t.text();
        case Node.Phrase p -> phrases ? p.text() : null;
        case Node.Prefix p -> p.text();
        case Node.Fuzzy f -> f.text();
        case Node.Group g -> {
          collect(g.clauses(), excluded, wanted, phrases, out);
          yield null;
        }
        case Node.Empty e -> null;
        case Node.Everything e -> null;
      };
      if (text != null && excluded == wanted) {
        out.append(text).append(' ');
      }
    }
  }
}
