package passagesearch.cli;

import java.util.List;

/**
 * One option of a command, as its help shows it and its parser reads it.
 *
 * @param names the names it answers to, the long one last ({@code -n}, {@code --limit})
 * @param label what its value is called in the help ({@code DIR}); null for a flag, which takes none
 * @param env the environment variable that gives its value when the command line does not; null for none
 * @param fallback its value when neither does; null for none
 * @param repeatable whether it may be given more than once (a command may also split each value, as serve's
 *     --cors-origin does at commas)
 * @param hidden left out of the help (an option for bin/passage-search, not for people)
 * @param help what it does, in a sentence or two
 */
record Option(List<String> names, String label, String env, String fallback, boolean repeatable, boolean hidden,
    String help) {

  /** An option that takes a value. */
  static Option value(String name, String label, String help) {
    return new Option(List.of(name), label, null, null, false, false, help);
  }

  /** An option that takes no value: present or not. */
  static Option flag(String name, String help) {
    return new Option(List.of(name), null, null, null, false, false, help);
  }

  Option env(String variable) {
    return new Option(names, label, variable, fallback, repeatable, hidden, help);
  }

  Option orElse(String value) {
    return new Option(names, label, env, value, repeatable, hidden, help);
  }

  Option allowRepeats() {
    return new Option(names, label, env, fallback, true, hidden, help);
  }

  Option hideFromHelp() {
    return new Option(names, label, env, fallback, repeatable, true, help);
  }

  /** The same option with a short name too ({@code -n} for {@code --limit}). */
  Option alias(String shortName) {
    return new Option(List.of(shortName, name()), label, env, fallback, repeatable, hidden, help);
  }

  /** Its long name, by which commands ask for its value. */
  String name() {
    return names.get(names.size() - 1);
  }

  boolean isFlag() {
    return label == null;
  }
}
