package passagesearch.query;

import java.util.Map;

/**
 * An operand with what was typed before it.
 *
 * @param operator the first {@code +} (all) or {@code |} / {@code OR} (any) typed since the previous operand;
 *     null when none was, which means any. It joins this operand to those before it, and is ignored when
 *     there is nothing before it to join to.
 * @param excluded an odd number of {@code -} directly before it: passages matching it are left out
 * @param node the operand
 */
public record Clause(Operator operator, boolean excluded, Node node) {
  /** How an operand joins those before it. */
  public enum Operator {
    /** {@code +}: all of them. */
    ALL,
    /** {@code |} or {@code OR}: any of them. */
    ANY
  }

  Clause corrected(Map<String, String> fixes) {
    return new Clause(operator, excluded, node.corrected(fixes));
  }
}
