package passagesearch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a command accepts and how its help reads: its name, what it does, its options, the words it takes
 * after them (search's query; null for none) and notes for the end of its help.
 */
record CommandSyntax(String name, String description, List<Option> options, String words, List<String> footer) {
  static final Option HELP = Option.flag("--help", "Show this help and exit.").alias("-h");
  static final Option VERSION = Option.flag("--version", "Print the version and exit.").alias("-V");
  private static final int WIDTH = 100;

  CommandSyntax {
    List<Option> all = new ArrayList<>(options);
    all.add(HELP);
    all.add(VERSION);
    options = List.copyOf(all);
    footer = List.copyOf(footer);
  }

  /** Options of several groups (the locations every command shares, the engine's, the command's own) in one list. */
  @SafeVarargs
  static List<Option> join(List<Option>... groups) {
    List<Option> all = new ArrayList<>();
    for (List<Option> group : groups) {
      all.addAll(group);
    }
    return List.copyOf(all);
  }

  /** The option called {@code name}, by any of its names; null when it has none by that name. */
  Option option(String name) {
    for (Option o : options) {
      if (o.names().contains(name)) {
        return o;
      }
    }
    return null;
  }

  /** The help: a usage line, the description, each option with its default as {@code env} makes it. */
  String help(String program, Map<String, String> env) {
    StringBuilder out = new StringBuilder("Usage: ").append(program).append(' ').append(name).append(" [OPTIONS]");
    if (words != null) {
      out.append(' ').append(words).append("...");
    }
    out.append("\n\n");
    wrap(out, description, "");
    out.append("\nOptions:\n");
    for (Option o : options) {
      if (o.hidden()) {
        continue;
      }
      String names = String.join(", ", o.names()) + (o.isFlag() ? "" : " " + o.label());
      out.append("  ").append(names).append('\n');
      String value = Arguments.defaultOf(o, env);
      wrap(out, o.help() + (value == null ? "" : " Default: " + value), "      ");
    }
    if (!footer.isEmpty()) {
      out.append('\n');
      footer.forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  private static void wrap(StringBuilder out, String text, String indent) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line.setLength(0);
        line.append(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append('\n');
  }
}
