package passagesearch.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import passagesearch.config.ConfigException;
import passagesearch.index.IndexException;
import passagesearch.index.LuceneNotices;
import passagesearch.ingest.CorpusException;
import passagesearch.search.InvalidRequestException;

/**
 * The command line: {@code serve}, {@code index}, {@code search}, {@code eval}, {@code health}. Each command
 * declares its options ({@link CommandSyntax}) and reads them from {@link Arguments}. Not picocli, which this
 * replaced: its classes are compiled for Java 5, so the JVM's ahead-of-time cache cannot hold them, and
 * building its model of the commands took 0.3 s and 0.5 s of CPU at every launch (a serve launch took 1.3 s).
 */
public final class Main {
  static final String PROGRAM = "passage-search";
  static final String VERSION = "passage-search 0.1.0";
  private static final String DESCRIPTION = "Ranked, attributed passages from a small set of trusted source documents.";

  /** Makes a command from its arguments, writing to {@code out} and {@code err}. */
  @FunctionalInterface
  private interface Factory {
    Callable<Integer> create(Arguments args, PrintWriter out, PrintWriter err);
  }

  private record Entry(CommandSyntax syntax, Factory factory) {}

  private static final List<Entry> COMMANDS = List.of(
      new Entry(ServeCommand.SYNTAX, ServeCommand::new),
      new Entry(IndexCommand.SYNTAX, IndexCommand::new),
      new Entry(SearchCommand.SYNTAX, SearchCommand::new),
      new Entry(EvalCommand.SYNTAX, EvalCommand::new),
      new Entry(HealthCommand.SYNTAX, HealthCommand::new));

  private Main() {}

  /** What a command line came to: its exit code, and whether it left a server running (the JVM then stays up). */
  public record Outcome(int code, boolean serving) {}

  /** Runs a command line with this process's environment. */
  public static Outcome run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /**
   * Runs a command line. Exit codes: 0 done, 1 failed (known failures say why in one line), 2 the command line
   * itself was wrong (what was wrong, and where its help is).
   */
  static Outcome run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    try {
      if (args.length == 0) {
        err.println("error: Missing command: " + commandNames("or"));
        err.print(help());
        return new Outcome(2, false);
      }
      if (CommandSyntax.HELP.names().contains(args[0])) {
        out.print(help());
        return new Outcome(0, false);
      }
      if (CommandSyntax.VERSION.names().contains(args[0])) {
        out.println(VERSION);
        return new Outcome(0, false);
      }
      Entry entry = COMMANDS.stream().filter(e -> e.syntax().name().equals(args[0])).findFirst().orElse(null);
      if (entry == null) {
        err.println("error: unknown command '" + args[0] + "'; the commands are " + commandNames("and"));
        err.println("See '" + PROGRAM + " --help'.");
        return new Outcome(2, false);
      }
      return run(entry, out, err, env, Arrays.asList(args).subList(1, args.length));
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static Outcome run(Entry entry, PrintWriter out, PrintWriter err, Map<String, String> env, List<String> args) {
    CommandSyntax syntax = entry.syntax();
    Callable<Integer> command;
    try {
      Arguments parsed = Arguments.parse(syntax, args, env);
      if (parsed.flag(CommandSyntax.HELP.name())) {
        out.print(syntax.help(PROGRAM, env));
        return new Outcome(0, false);
      }
      if (parsed.flag(CommandSyntax.VERSION.name())) {
        out.println(VERSION);
        return new Outcome(0, false);
      }
      command = entry.factory().create(parsed, out, err);
    } catch (Arguments.UsageError e) {
      err.println("error: " + e.getMessage());
      err.println("See '" + PROGRAM + " " + syntax.name() + " --help'.");
      return new Outcome(2, false);
    }
    try {
      int code = command.call();
      return new Outcome(code, command instanceof ServeCommand serve && serve.serving);
    } catch (ConfigException | CorpusException | IndexException | InvalidRequestException e) {
      err.println("error: " + e.getMessage());
      return new Outcome(1, false);
    } catch (Exception e) {
      e.printStackTrace(err);
      return new Outcome(1, false);
    }
  }

  /** The program's own help: its commands. */
  private static String help() {
    StringBuilder help = new StringBuilder("Usage: " + PROGRAM + " [-hV] COMMAND [OPTIONS]\n\n" + DESCRIPTION
        + "\n\nCommands:\n");
    for (Entry e : COMMANDS) {
      help.append(String.format("  %-8s%s%n", e.syntax().name(), e.syntax().description()));
    }
    help.append('\n');
    for (Option o : List.of(CommandSyntax.HELP, CommandSyntax.VERSION)) {
      help.append(String.format("  %-15s%s%n", String.join(", ", o.names()), o.help()));
    }
    help.append("\n'" + PROGRAM + " COMMAND --help' shows a command's options and their defaults.\n");
    return help.toString();
  }

  /** The commands' names, the last two joined by {@code last}: "serve, index, search, eval or health". */
  private static String commandNames(String last) {
    List<String> names = COMMANDS.stream().map(e -> e.syntax().name()).toList();
    return String.join(", ", names.subList(0, names.size() - 1)) + " " + last + " " + names.get(names.size() - 1);
  }

  public static void main(String[] args) {
    LuceneNotices.quietVectorizationNotice(); // the JVM runs without the Vector API: bin/jvm.options
    Outcome outcome = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    if (!outcome.serving()) {
      System.exit(outcome.code());
    }
  }
}
