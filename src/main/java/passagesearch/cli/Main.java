package passagesearch.cli;

import passagesearch.config.ConfigException;
import passagesearch.index.IndexException;
import passagesearch.index.LuceneNotices;
import passagesearch.ingest.CorpusException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code serve}, {@code index}, {@code search}, {@code eval}, {@code health}. */
@Command(name = "passage-search", mixinStandardHelpOptions = true, version = "passage-search 0.1.0",
    description = "Ranked, attributed passages from a small set of trusted source documents.",
    subcommands = {ServeCommand.class, IndexCommand.class, SearchCommand.class, EvalCommand.class,
        HealthCommand.class})
public final class Main implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: serve, index, search, eval or health");
  }

  /** The command line with its error handling: known failures print one line and exit 1. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException || e instanceof CorpusException || e instanceof IndexException
          || e instanceof passagesearch.search.InvalidRequestException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return 1;
      }
      throw e;
    });
    return cmd;
  }

  public static void main(String[] args) {
    LuceneNotices.quietVectorizationNotice(); // the JVM runs without the Vector API: bin/jvm.options
    CommandLine cmd = commandLine();
    int code = cmd.execute(args);
    CommandLine.ParseResult parsed = cmd.getParseResult();
    boolean serving = parsed != null && parsed.subcommand() != null
        && parsed.subcommand().commandSpec().userObject() instanceof ServeCommand serve && serve.serving;
    if (!serving) {
      System.exit(code);
    }
  }
}
