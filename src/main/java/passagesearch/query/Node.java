package passagesearch.query;

import java.util.List;
import java.util.Map;

/** One operand of a query, as typed: the search translates each kind in one switch. */
public sealed interface Node {
  /** The same operand with misspelt words replaced (whole words only, case-sensitive). */
  Node corrected(Map<String, String> fixes);

  /** A word, or words joined without a space ({@code anti-CD52}): analysed, any of its terms may match. */
  record Term(String text) implements Node {
    @Override
    public Node corrected(Map<String, String> fixes) {
      return new Term(Word.correct(text, fixes));
    }
  }

  /** {@code "words in order"}, with {@code ~slop} when typed after the closing quote. */
  record Phrase(String text, int slop) implements Node {
    @Override
    public Node corrected(Map<String, String> fixes) {
      return new Phrase(Word.correct(text, fixes), slop);
    }
  }

  /** {@code word*}: any term starting with the word. */
  record Prefix(String text) implements Node {
    @Override
    public Node corrected(Map<String, String> fixes) {
      return new Prefix(Word.correct(text, fixes));
    }
  }

  /** {@code word~N}: terms within N edits (1 or 2) of the word. */
  record Fuzzy(String text, int edits) implements Node {
    @Override
    public Node corrected(Map<String, String> fixes) {
      return new Fuzzy(Word.correct(text, fixes), edits);
    }
  }

  /** {@code (clauses)}: read as a query of its own, then taken as one operand. */
  record Group(List<Clause> clauses) implements Node {
    public Group {
      clauses = List.copyOf(clauses);
    }

    @Override
    public Node corrected(Map<String, String> fixes) {
      return new Group(clauses.stream().map(c -> c.corrected(fixes)).toList());
    }
  }

  /** {@code ()} or {@code ""}: nothing to match; an operator typed before it applies to nothing. */
  record Empty() implements Node {
    @Override
    public Node corrected(Map<String, String> fixes) {
      return this;
    }
  }

  /** A query of {@code *} alone: every passage. */
  record Everything() implements Node {
    @Override
    public Node corrected(Map<String, String> fixes) {
      return this;
    }
  }
}
