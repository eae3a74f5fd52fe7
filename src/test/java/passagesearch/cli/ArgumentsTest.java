package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line as typed: options in both forms, defaults from the environment, and mistakes named. */
class ArgumentsTest {
  static Arguments parse(CommandSyntax syntax, Map<String, String> env, String... args) {
    return Arguments.parse(syntax, List.of(args), env);
  }

  @Test
  void eachSourceOfAValueInItsTurn() {
    Map<String, String> env = Map.of("PORT", "9000", "PASSAGE_SEARCH_INDEX", "/srv/index");
    Arguments args = parse(ServeCommand.SYNTAX, env, "--port", "8080", "--corpus=/data/corpus");
    assertEquals(8080, args.integer("--port"));
    assertEquals(Path.of("/data/corpus"), args.path("--corpus"));
    assertEquals(Path.of("/srv/index"), args.path("--index"), "from PASSAGE_SEARCH_INDEX");
    assertEquals(Path.of("index-config"), args.path("--config"), "the fallback");
    assertNull(args.path("--ranking"), "no fallback, no variable: none");
    assertEquals(9000, parse(ServeCommand.SYNTAX, env).integer("--port"));
    assertEquals(7070, parse(ServeCommand.SYNTAX, Map.of("PORT", "")).integer("--port"), "an empty variable is unset");
    assertFalse(args.flag("--aot-training"));
    assertTrue(parse(ServeCommand.SYNTAX, env, "--aot-training").flag("--aot-training"));
  }

  @Test
  void repeatableOptionsKeepEveryValueAndTheQueryKeepsItsExclusions() {
    Arguments args = parse(SearchCommand.SYNTAX, Map.of(), "-n", "3", "side", "effects", "--tag", "steroids",
        "-chemotherapy", "--tag=induction", "--", "--not-an-option");
    assertEquals(3, args.integer("--limit"));
    assertEquals(List.of("steroids", "induction"), args.list("--tag"));
    assertEquals(List.of("side", "effects", "-chemotherapy", "--not-an-option"), args.words());
    assertEquals(List.of(), args.list("--source"));
  }

  @Test
  void mistakesNameTheOptionAndWhatWasWrong() {
    assertEquals("unknown option '--prot'",
        assertThrows(Arguments.UsageError.class, () -> parse(ServeCommand.SYNTAX, Map.of(), "--prot", "1")).getMessage());
    assertEquals("--port needs a value (PORT)",
        assertThrows(Arguments.UsageError.class, () -> parse(ServeCommand.SYNTAX, Map.of(), "--port")).getMessage());
    assertEquals("--port: 'eighty' is not a whole number", assertThrows(Arguments.UsageError.class,
        () -> parse(ServeCommand.SYNTAX, Map.of(), "--port", "eighty").integer("--port")).getMessage());
    assertEquals("--port is given twice", assertThrows(Arguments.UsageError.class,
        () -> parse(ServeCommand.SYNTAX, Map.of(), "--port", "1", "--port", "2")).getMessage());
    assertEquals("--strict takes no value", assertThrows(Arguments.UsageError.class,
        () -> parse(IndexCommand.SYNTAX, Map.of(), "--strict=yes")).getMessage());
    assertEquals("--engine: 'solr' is not one of lucene, opensearch", assertThrows(Arguments.UsageError.class,
        () -> new EngineOptions(parse(IndexCommand.SYNTAX, Map.of(), "--engine", "solr"))).getMessage());
    assertEquals("unexpected argument 'now': index takes options only", assertThrows(Arguments.UsageError.class,
        () -> parse(IndexCommand.SYNTAX, Map.of(), "now")).getMessage());
    assertEquals("missing WORDS: what to search for",
        assertThrows(Arguments.UsageError.class, () -> parse(SearchCommand.SYNTAX, Map.of())).getMessage());
  }

  @Test
  void aMistakeExitsTwoWithTheWayToTheHelp() {
    StringWriter err = new StringWriter();
    Main.Outcome outcome = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(),
        "index", "--stirct");
    assertEquals(2, outcome.code());
    assertEquals("error: unknown option '--stirct'\nSee 'passage-search index --help'.\n",
        err.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void theHelpShowsEachDefaultAsThisEnvironmentMakesIt() {
    StringWriter out = new StringWriter();
    assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of("PORT", "8181"),
        "serve", "--help").code());
    String help = out.toString();
    assertTrue(help.startsWith("Usage: passage-search serve [OPTIONS]"), help);
    assertTrue(help.contains("  --port PORT\n      Port (env PORT). Default: 8181\n"), help);
    assertTrue(help.contains("ADMIN_TOKEN"), help);
    assertFalse(help.contains("--aot-training"), "an option for the launcher, not for people: " + help);
    assertTrue(help.lines().allMatch(line -> line.length() <= 100), help);
  }
}
