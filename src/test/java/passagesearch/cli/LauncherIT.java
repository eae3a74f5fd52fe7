package passagesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

/**
 * {@code bin/passage-search} with the packaged jar, as a user runs it: a plain run prints nothing on
 * standard error (no JVM warnings), and a port in use is one line. An integration test: it needs the jar
 * that {@code package} makes, which failsafe runs after.
 */
class LauncherIT {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  Run launch(String... args) throws IOException, InterruptedException {
    return launchWith("", args);
  }

  /** The launcher with {@code JAVA_OPTS} set to {@code javaOpts}. */
  Run launchWith(String javaOpts, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("sh",
        TestSupport.root().resolve("bin/passage-search").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(TestSupport.root().toFile())
        .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("PASSAGE_SEARCH_INDEX", tmp.resolve("index").toString());
    builder.environment().put("PASSAGE_SEARCH_CDS_DIR", Files.createDirectories(tmp.resolve("cds")).toString());
    builder.environment().put("JAVA_OPTS", javaOpts);
    Process p = builder.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
    return new Run(p.exitValue(), Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  @Timeout(300)
  void aPlainSearchPrintsNoWarnings() throws Exception {
    Run first = launch("search", "leukaemia");
    assertEquals(0, first.code(), first.err());
    Run plain = launch("search", "leukaemia");
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.out().contains("1. "), plain.out());
    assertEquals("", plain.err(), "nothing on standard error once the index is built");
  }

  @Test
  @Timeout(300)
  void servesFirstLaunchTrainsItsAotCacheAndTheNextUsesIt() throws Exception {
    assertEquals(0, launch("index").code());
    Run trained = launch("serve", "--aot-training");
    assertEquals(0, trained.code(), trained.err());
    // The launcher's training and the making of the cache are silent; the run it then starts is a server
    // answering its own requests, which logs them.
    assertEquals(List.of(), trained.err().lines().filter(l -> !l.contains(" INFO access - ")).toList(), trained.err());
    assertTrue(trained.err().contains("GET /api/search 200"), trained.err());
    try (var files = Files.list(tmp.resolve("cds"))) {
      List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("passage-search-serve-")).toList();
      assertEquals(1, names.size(), names.toString());
      assertTrue(names.get(0).endsWith(".aot"), "a cache, not a record nor a failure: " + names);
    }
    // The JVM says whether it mapped the cache when asked to (the launcher silences it otherwise).
    Run again = launchWith("-Xlog:aot=info", "serve", "--aot-training");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("Using AOT-linked classes: true"), again.out());
  }

  /**
   * index and a one-off search of a small corpus run with the quick compiler alone (C2 does not pay for itself
   * in a build that short), of a large one with both, as serve always does; JAVA_OPTS has the last word.
   */
  @Test
  @Timeout(300)
  void aSmallCorpusIsIndexedWithTheQuickCompilerAloneALargeOneWithBoth() throws Exception {
    Path large = Files.createDirectories(tmp.resolve("large"));
    Files.write(large.resolve("records.jsonl"), new byte[17 << 20]);
    assertEquals("1", compilerLevel("", "index", "--help"), "the default corpus folder: the seed corpus");
    assertEquals("1", compilerLevel("", "search", "--corpus", TestSupport.corpus().toString(), "--help"));
    assertEquals("4", compilerLevel("", "index", "--corpus", large.toString(), "--help"));
    assertEquals("4", compilerLevel("", "index", "--corpus=" + large, "--help"));
    assertEquals("4", compilerLevel("", "serve", "--help"));
    assertEquals("4", compilerLevel("-XX:TieredStopAtLevel=4", "index", "--help"));
    // serve's optimising compiler waits three times the JDK's counts, so that it does not slow the start-up
    assertEquals("15000", flag("Tier4InvocationThreshold", "", "serve", "--help"));
    assertEquals("5000", flag("Tier4InvocationThreshold", "", "index", "--corpus", large.toString(), "--help"));
  }

  /** The highest JIT tier the launched JVM compiles to. */
  private String compilerLevel(String javaOpts, String... args) throws Exception {
    return flag("TieredStopAtLevel", javaOpts, args);
  }

  /** A flag's value in the launched JVM. */
  private String flag(String name, String javaOpts, String... args) throws Exception {
    Run run = launchWith(javaOpts + " -XX:+PrintFlagsFinal", args);
    assertEquals(0, run.code(), run.err());
    Matcher m = Pattern.compile("\\b" + name + "\\s+= (\\d+)").matcher(run.out());
    assertTrue(m.find(), run.out());
    return m.group(1);
  }

  /** On Java 22 and newer the C heap's free memory goes back to the system every 5 s; JAVA_OPTS has the last word. */
  @Test
  @Timeout(300)
  void theNativeHeapIsTrimmedEveryFiveSeconds() throws Exception {
    assumeTrue(Runtime.version().feature() >= 22, "before Java 22 the launcher does not set it (not a product flag)");
    assertEquals("5000", flag("TrimNativeHeapInterval", "", "serve", "--help"));
    assertEquals("5000", flag("TrimNativeHeapInterval", "", "index", "--help"));
    assertEquals("0", flag("TrimNativeHeapInterval", "-XX:TrimNativeHeapInterval=0", "serve", "--help"));
  }

  @Test
  @Timeout(300)
  void aPortInUseIsOneLine() throws Exception {
    assertEquals(0, launch("index").code());
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Run serve = launch("serve", "--host", "127.0.0.1", "--port", Integer.toString(port));
      assertEquals(1, serve.code(), serve.err());
      // The first serve of a build also says, once, that it prepares its start-up cache.
      assertEquals(List.of("error: port " + port + " is in use; choose another with --port or PORT"),
          serve.err().lines().filter(l -> !l.startsWith("passage-search: preparing serve's start-up cache")).toList());
      assertEquals(List.of("error: port " + port + " is in use; choose another with --port or PORT"),
          launch("serve", "--host", "127.0.0.1", "--port", Integer.toString(port)).err().lines().toList());
    }
  }
}
