package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.http.WebServer;
import passagesearch.search.SearchService;

/** The command line, run for real: in process for index and search, as a child JVM for serve. */
class CliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args).code();
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * The command over the seed corpus, with semantic retrieval off: each command run in this JVM would load
   * the model anew. {@link #theSearchCommandAnswersByMeaningWithTheConfigurationAsShipped} runs it as shipped.
   */
  String[] at(String command, String... rest) {
    List<String> args = new ArrayList<>(List.of(command,
        "--corpus", TestSupport.corpus().toString(),
        "--config", TestSupport.lexicalConfig().toString(),
        "--index", tmp.resolve("index").toString()));
    args.addAll(List.of(rest));
    return args.toArray(String[]::new);
  }

  @Test
  void indexBuildsAGenerationAndSaysWhatItHolds() throws Exception {
    Run r = run(at("index"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("(?s)Indexed \\d+ passages from 5 documents \\(0 skipped\\) into .*gen-000001 in \\d+ ms\\.\\s*"), r.out());
    assertEquals("gen-000001", Files.readString(tmp.resolve("index/CURRENT")).strip());
    assertEquals(0, run(at("index")).code());
    assertEquals("gen-000002", Files.readString(tmp.resolve("index/CURRENT")).strip());
  }

  @Test
  void theSearchCommandAnswersByMeaningWithTheConfigurationAsShipped() {
    // No word of the query is in the corpus: only passages found by meaning answer it.
    Run r = run("search", "--corpus", TestSupport.corpus().toString(), "--config", TestSupport.config().toString(),
        "--index", tmp.resolve("hybrid-index").toString(), "-n", "2", "pregnant", "baby", "offspring");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("(?s)\\d+ passages? match.*1\\. .*"), r.out());
    assertFalse(r.out().contains("*"), "nothing is marked: no word matched " + r.out());
  }

  @Test
  void aOneOffSearchWhoseModelCannotLoadSaysItSearchedByWordsAlone() throws Exception {
    // The model fails at once, long before the index is built: the warning must not depend on the timing.
    Path config = tmp.resolve("config");
    TestSupport.copyFiles(TestSupport.config(), config);
    Files.writeString(config.resolve("semantic.yaml"), "enabled: true\nmodel: no-such-model\n");
    Run r = run("search", "--corpus", TestSupport.corpus().toString(), "--config", config.toString(),
        "--index", tmp.resolve("index").toString(), "-n", "2", "blinatumomab");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("*Blinatumomab*"), r.out());
    assertTrue(r.err().contains("warning: searching by words alone: the embedding model no-such-model is unavailable"),
        r.err());
  }

  @Test
  void searchPrintsRankedAttributedPassages() {
    Run r = run(at("search", "-n", "3", "blinatumomab", "side", "effects"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("1. knowall-all-treatment/11"), r.out());
    assertTrue(r.out().contains("Know ALL: Treatment > Blinatumomab"), r.out());
    assertTrue(r.out().contains("*Blinatumomab*"), r.out());
    assertTrue(r.err().contains("No index yet"), r.err());
  }

  @Test
  void searchBuildsOnlyWhenTheIndexIsMissingOrStale() {
    assertEquals(0, run(at("search", "imatinib")).code());
    Run again = run(at("search", "imatinib"));
    assertEquals(0, again.code());
    assertTrue(again.err().isEmpty(), again.err());
  }

  @Test
  void failuresExitNonZeroWithAClearMessage() {
    Run noConfig = run("search", "--config", tmp.resolve("missing").toString(), "x");
    assertEquals(1, noConfig.code());
    assertTrue(noConfig.err().contains("index configuration folder not found"), noConfig.err());
    Run badLimit = run(at("search", "-n", "99", "x"));
    assertEquals(1, badLimit.code());
    assertTrue(badLimit.err().contains("limit must be between 1 and 50"), badLimit.err());
    Run noCommand = run();
    assertEquals(2, noCommand.code());
    assertTrue(noCommand.err().contains("Missing command"), noCommand.err());
    Run unknown = run("frobnicate");
    assertEquals(2, unknown.code());
  }

  @Test
  void helpShowsCommandsAndDefaults() {
    Run help = run("serve", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--port") && help.out().contains("Default: 7070"), help.out());
    assertTrue(run("--help").out().contains("search"));
  }

  @Test
  @Timeout(120)
  void aServerWhoseModelCannotLoadSaysSoInItsLog() throws Exception {
    Path config = tmp.resolve("config");
    TestSupport.copyFiles(TestSupport.config(), config);
    Files.writeString(config.resolve("semantic.yaml"), "enabled: true\nmodel: no-such-model\n");
    Run built = run("index", "--corpus", TestSupport.corpus().toString(), "--config", config.toString(),
        "--index", tmp.resolve("index").toString());
    assertEquals(0, built.code(), built.err());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--port", "0", "--host", "127.0.0.1", "--corpus", TestSupport.corpus().toString(),
        "--config", config.toString(), "--index", tmp.resolve("index").toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("warning: searching by words alone")) {
        lines.add(line);
      }
      assertTrue(line != null && line.contains("no-such-model"), "no warning in the log: " + lines);
    } finally {
      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
    }
  }

  @Test
  @Timeout(120)
  void serveStartsTheServerAndAnswersSearches() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(at("serve", "--port", "0", "--host", "127.0.0.1")));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      Pattern serving = Pattern.compile("Serving (\\d+) passages .* on http://127\\.0\\.0\\.1:(\\d+)/");
      String port = null;
      String line;
      while (port == null && (line = out.readLine()) != null) {
        Matcher m = serving.matcher(line);
        if (m.find()) {
          port = m.group(2);
        }
      }
      assertTrue(port != null, "serve never said where it listens");
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=imatinib")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("\"imatinib\""), r.body());
    } finally {
      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
    }
  }

  @Test
  void serveHelpNamesTheAdminTokenVariable() {
    Run help = run("serve", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("ADMIN_TOKEN"), help.out());
  }

  @Test
  void aPortInUseIsOneLineAndExitsOne() throws Exception {
    assertEquals(0, run(at("index")).code());
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Run r = run(at("serve", "--host", "127.0.0.1", "--port", Integer.toString(port)));
      assertEquals(1, r.code(), r.err());
      assertEquals(List.of("error: port " + port + " is in use; choose another with --port or PORT"),
          r.err().lines().toList());
    }
  }

  @Test
  void evalOnAMissingBeirFolderSaysSoInOneLine() {
    Path missing = tmp.resolve("no-such-beir");
    Run r = run(at("eval", "--beir", missing.toString()));
    assertEquals(1, r.code(), r.err());
    assertEquals(List.of("error: BEIR folder not found: " + missing), r.err().lines().toList());
  }

  @Test
  void healthSaysWhetherAServerAnswers() {
    int port;
    try (SearchService search = TestSupport.lexicalSeedSearch(tmp.resolve("health-index"));
        WebServer server = WebServer.create(search).start("127.0.0.1", 0)) {
      port = server.port();
      Run up = run("health", "--port", Integer.toString(port));
      assertEquals(0, up.code(), up.err());
      assertTrue(up.out().contains("\"ok\""), up.out());
    }
    Run down = run("health", "--port", Integer.toString(port));
    assertEquals(1, down.code());
    assertEquals(1, down.err().lines().count(), down.err());
    assertTrue(down.err().startsWith("error: http://127.0.0.1:" + port + "/health did not answer"), down.err());
  }

  @Test
  void theLauncherRefusesAJavaOlderThan21InOneLineSayingWhatToDo() throws Exception {
    Path oldJdk = tmp.resolve("jdk-17");
    TestSupport.write(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
    ProcessBuilder launcher = new ProcessBuilder("sh", TestSupport.root().resolve("bin/passage-search").toString(),
        "search", "leukaemia").redirectOutput(ProcessBuilder.Redirect.DISCARD);
    launcher.environment().put("JAVA_HOME", oldJdk.toString());
    Process p = launcher.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains("Java 17.0.2") && err.contains("first on PATH") && err.contains("JAVA_HOME"), err);
  }
}
