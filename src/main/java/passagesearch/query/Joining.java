package passagesearch.query;

import java.util.ArrayList;
import java.util.List;

/**
 * How a query's operands join, worked out once for every engine; each engine only writes the outcome in its
 * own terms ({@link Writer}). The operands are read left to right ({@code a | b + c} is {@code (a | b) + c}):
 * the first operator typed before an operand joins it to everything before it, any when none was typed, and
 * a run of the same operator stays one boolean. An operand with no searchable word ({@code the}) is skipped,
 * an operator typed before it waiting for the next operand; an operator typed before {@code ()} applied to
 * it. An excluded operand reads as "everything but it". Last, with any as the default operator, {@code a -b}
 * would read "a, or anything without b", which excludes nothing: a reader means "a, never b", so each such
 * optional "everything but" of the whole query becomes an exclusion, and a query of exclusions alone finds
 * nothing.
 *
 * @param <Q> the engine's query
 */
public final class Joining<Q> {
  /** How a clause counts in a boolean. */
  public enum Occur { MUST, SHOULD, MUST_NOT }

  /** A clause of a boolean, in the engine's terms. */
  public record Part<Q>(Occur occur, Q query) {}

  /** What an engine supplies: its single operands, and how it writes a boolean, everything and nothing. */
  public interface Writer<Q> {
    /** A word, phrase, prefix or fuzzy word; null when it has no searchable word. */
    Q operand(Node node);

    Q bool(List<Part<Q>> parts);

    Q everything();

    /** What a query finds that has nothing to search for, or exclusions only. */
    Q nothing(String why);
  }

  /** The join before it is written: an engine's operand, everything, or a boolean of these. */
  private sealed interface Tree<Q> {}

  private record Leaf<Q>(Q query) implements Tree<Q> {}

  private record Everything<Q>() implements Tree<Q> {}

  private record Bool<Q>(List<Branch<Q>> branches) implements Tree<Q> {}

  private record Branch<Q>(Occur occur, Tree<Q> tree) {}

  private final Writer<Q> writer;

  public Joining(Writer<Q> writer) {
    this.writer = writer;
  }

  /** The whole query's operands, joined and written. */
  public Q query(List<Clause> clauses) {
    Tree<Q> top = join(clauses);
    return top == null ? writer.nothing("empty string passed to query parser") : write(excludeForReal(top));
  }

  /** A group's operands joined as the whole query's are, without the final repair; null when none is searchable. */
  public Q group(List<Clause> clauses) {
    Tree<Q> joined = join(clauses);
    return joined == null ? null : write(joined);
  }

  private Tree<Q> join(List<Clause> clauses) {
    Tree<Q> top = null;
    Occur current = null;
    Occur previous = null;
    for (Clause clause : clauses) {
      if (clause.operator() != null && current == null && top != null) {
        current = clause.operator() == Clause.Operator.ALL ? Occur.MUST : Occur.SHOULD;
      }
      if (clause.node() instanceof Node.Empty) {
        current = null; // the operator typed before "()" applied to it
        continue;
      }
      Tree<Q> branch = operand(clause.node());
      if (branch == null) {
        continue; // no searchable words ("the"): an operator typed before it waits for the next operand
      }
      if (clause.excluded()) {
        branch = new Bool<>(List.of(new Branch<>(Occur.MUST_NOT, branch), new Branch<>(Occur.SHOULD, new Everything<>())));
      }
      if (top == null) {
        top = branch;
      } else {
        current = current == null ? Occur.SHOULD : current;
        List<Branch<Q>> b = new ArrayList<>();
        if (previous != current) {
          b.add(new Branch<>(current, top)); // another operator: what came before becomes one operand
        } else {
          b.addAll(((Bool<Q>) top).branches());
        }
        b.add(new Branch<>(current, branch));
        top = new Bool<>(b);
        previous = current;
      }
      current = null;
    }
    return top;
  }

  private Tree<Q> operand(Node node) {
    return switch (node) {
      case Node.Group g -> join(g.clauses());
      case Node.Empty e -> null;
      case Node.Everything e -> new Everything<>();
      default -> {
        Q q = writer.operand(node);
        yield q == null ? null : new Leaf<>(q);
      }
    };
  }

  private Tree<Q> excludeForReal(Tree<Q> joined) {
    if (!(joined instanceof Bool<Q> bool)) {
      return joined;
    }
    List<Branch<Q>> b = new ArrayList<>();
    boolean positive = false;
    for (Branch<Q> branch : bool.branches()) {
      Tree<Q> excluded = negation(branch);
      if (excluded != null) {
        b.add(new Branch<>(Occur.MUST_NOT, excluded));
      } else {
        b.add(branch);
        positive |= branch.occur() != Occur.MUST_NOT;
      }
    }
    return positive ? new Bool<>(b) : null;
  }

  /** X when the branch is an optional "everything but X"; null otherwise. */
  private static <Q> Tree<Q> negation(Branch<Q> branch) {
    if (branch.occur() != Occur.SHOULD || !(branch.tree() instanceof Bool<Q> inner)) {
      return null;
    }
    Tree<Q> not = null;
    boolean everything = false;
    for (Branch<Q> c : inner.branches()) {
      if (c.occur() == Occur.MUST_NOT && not == null) {
        not = c.tree();
      } else if (c.tree() instanceof Everything) {
        everything = true;
      } else {
        return null;
      }
    }
    return everything ? not : null;
  }

  private Q write(Tree<Q> tree) {
    if (tree == null) {
      return writer.nothing("only exclusions");
    }
    return switch (tree) {
      case Leaf<Q> l -> l.query();
      case Everything<Q> e -> writer.everything();
      case Bool<Q> b -> writer.bool(b.branches().stream().map(c -> new Part<>(c.occur(), write(c.tree()))).toList());
    };
  }
}
