package passagesearch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A command's arguments, read against its {@link CommandSyntax}: {@code --name value}, {@code --name=value},
 * flags, and the words after the options. An option not given takes its environment variable's value, else
 * its fallback. A mistake (an unknown option, a missing value, a number that is not one) is a {@link UsageError}
 * naming the option and what was wrong.
 */
final class Arguments {
  private final CommandSyntax syntax;
  private final Map<String, List<String>> given;
  private final List<String> words;
  private final Map<String, String> env;

  private Arguments(CommandSyntax syntax, Map<String, List<String>> given, List<String> words, Map<String, String> env) {
    this.syntax = syntax;
    this.given = given;
    this.words = words;
    this.env = env;
  }

  /** A mistake in what was typed: the command prints it with a pointer to its help, and exits 2. */
  static final class UsageError extends RuntimeException {
    UsageError(String message) {
      super(message);
    }
  }

  static Arguments parse(CommandSyntax syntax, List<String> args, Map<String, String> env) {
    Map<String, List<String>> given = new HashMap<>();
    List<String> words = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int equals = arg.indexOf('=');
      String name = equals > 0 ? arg.substring(0, equals) : arg;
      Option option = optionsEnded ? null : syntax.option(name);
      if (arg.equals("--") && !optionsEnded) {
        optionsEnded = true;
        continue;
      }
      // A word of the query may start with one dash (-chemotherapy leaves it out); two name an option.
      if (option == null && (optionsEnded || !arg.startsWith("--")) && (!arg.startsWith("-") || syntax.words() != null)) {
        if (syntax.words() == null) {
          throw new UsageError("unexpected argument '" + arg + "': " + syntax.name() + " takes options only");
        }
        words.add(arg);
        continue;
      }
      if (option == null) {
        throw new UsageError("unknown option '" + name + "'");
      }
      String value;
      if (option.isFlag()) {
        if (equals > 0) {
          throw new UsageError(name + " takes no value");
        }
        value = "true";
      } else if (equals > 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new UsageError(name + " needs a value (" + option.label() + ")");
      }
      List<String> values = given.computeIfAbsent(option.name(), k -> new ArrayList<>());
      if (!values.isEmpty() && !option.repeatable() && !option.isFlag()) {
        throw new UsageError(option.name() + " is given twice");
      }
      values.add(value);
    }
    if (syntax.words() != null && words.isEmpty() && !given.containsKey(CommandSyntax.HELP.name())
        && !given.containsKey(CommandSyntax.VERSION.name())) {
      throw new UsageError("missing " + syntax.words() + ": what to " + syntax.name() + " for");
    }
    return new Arguments(syntax, given, List.copyOf(words), env);
  }

  /** The value {@code option} has when the command line does not give one: its variable's, else its fallback. */
  static String defaultOf(Option option, Map<String, String> env) {
    String fromEnv = option.env() == null ? null : env.get(option.env());
    return fromEnv != null && !fromEnv.isEmpty() ? fromEnv : option.fallback();
  }

  boolean flag(String name) {
    return given.containsKey(option(name).name());
  }

  /** The option's value: the last given, else its default; null when it has neither. */
  String text(String name) {
    Option option = option(name);
    List<String> values = given.get(option.name());
    return values != null ? values.get(values.size() - 1) : defaultOf(option, env);
  }

  Path path(String name) {
    String value = text(name);
    return value == null ? null : Path.of(value);
  }

  /** A whole number, or null when the option has no value. */
  Integer integer(String name) {
    return number(name, Integer::valueOf, "a whole number");
  }

  /** A decimal number, or null when the option has no value. */
  Float decimal(String name) {
    return number(name, Float::valueOf, "a number");
  }

  private <T> T number(String name, Function<String, T> parse, String kind) {
    String value = text(name);
    try {
      return value == null ? null : parse.apply(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageError(name + ": '" + value + "' is not " + kind);
    }
  }

  /** One of {@code type}'s constants, by its name. */
  <E extends Enum<E>> E choice(String name, Class<E> type) {
    String value = text(name);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    throw new UsageError(name + ": '" + value + "' is not one of "
        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
  }

  /** Every value given, else the default's; empty when there are none. */
  List<String> list(String name) {
    Option option = option(name);
    List<String> values = given.get(option.name());
    String fallback = defaultOf(option, env);
    return values != null ? List.copyOf(values) : fallback == null ? List.of() : List.of(fallback);
  }

  /** The words after the options. */
  List<String> words() {
    return words;
  }

  private Option option(String name) {
    Option option = syntax.option(name);
    if (option == null) {
      throw new IllegalArgumentException(syntax.name() + " has no option " + name);
    }
    return option;
  }
}
