package passagesearch.query;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing a query asks about, as a reader would name it: a tag its words name (a drug by any of its names, a
 * treatment, a topic), a quoted phrase, or a content word. Read from a {@link ParsedQuery}'s operands and the
 * tags it names; stop and question words, and excluded operands, are no concepts.
 *
 * @param kind what names it
 * @param text how a reader reads it: the words as typed (corrected); a drug typed by another of its names
 *     with its own name too ("Gleevec (imatinib)"); alternatives as "a or b"
 * @param nodes the operands that say it: a passage mentions it in words when it holds every one of them
 * @param tags the tags it names (none for a phrase or a word): a passage with one of them mentions it
 * @param classes the tags those imply directly (a drug's class: targeted therapy for imatinib): a passage
 *     with one does not mention it, but is about its kind
 * @param specific whether it names one thing (a drug, a product: a tag with brand names or a class of its
 *     own), which weighs more than a generic word when hits are ranked
 * @param alternatives for concepts typed with {@code OR} ({@code imatinib OR dasatinib}), each of them: a
 *     passage that mentions any mentions this one; empty otherwise
 */
public record Concept(Kind kind, String text, List<Node> nodes, List<String> tags, List<String> classes,
    boolean specific, List<Concept> alternatives) {
  /** What names a concept. */
  public enum Kind {
    /** Words that name a tag of the vocabulary. */
    TAG,
    /** A quoted phrase: asks for exactly those words. */
    PHRASE,
    /** A content word (or {@code word*}, {@code word~1}). */
    WORD
  }

  public Concept {
    nodes = List.copyOf(nodes);
    tags = List.copyOf(tags);
    classes = List.copyOf(classes);
    alternatives = List.copyOf(alternatives);
  }

  /** A concept named by one operand or tag. */
  public static Concept of(Kind kind, String text, List<Node> nodes, List<String> tags, List<String> classes,
      boolean specific) {
    return new Concept(kind, text, nodes, tags, classes, specific, List.of());
  }

  /** This concept or {@code other}: a passage that mentions either mentions it. */
  public Concept or(Concept other) {
    List<Concept> either = new ArrayList<>(alternatives.isEmpty() ? List.of(this) : alternatives);
    either.addAll(other.alternatives.isEmpty() ? List.of(other) : other.alternatives);
    return new Concept(kind == other.kind ? kind : Kind.WORD, text + " or " + other.text, List.of(),
        either.stream().flatMap(c -> c.tags.stream()).distinct().toList(),
        either.stream().flatMap(c -> c.classes.stream()).distinct().toList(),
        either.stream().allMatch(Concept::specific), either);
  }
}
