package passagesearch.opensearch;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import passagesearch.TestSupport;

/**
 * A three-node OpenSearch cluster for the cluster integration tests, started once per test JVM and shared by
 * all of them. Its nodes run in a JVM of their own (src/test/opensearch-cluster, built here by the Maven
 * wrapper the first time): the OpenSearch server is built against Lucene 10.5.0, this project pins its own
 * (10.5.2), and a server should run with the Lucene it was built with.
 */
final class TestCluster {
  static final int NODES = 3;
  private static TestCluster shared;

  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final int basePort;

  private TestCluster(Process process, int basePort) {
    this.process = process;
    this.basePort = basePort;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.matches("(ready|stopped|started|not started|closed|unknown).*")) {
            answers.add(line);
          }
        }
      } catch (IOException e) {
        // the cluster JVM went away
      }
    }, "opensearch-cluster-output");
    reader.setDaemon(true);
    reader.start();
  }

  static synchronized TestCluster get() throws Exception {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::quit));
    }
    return shared;
  }

  private static TestCluster start() throws Exception {
    Path root = TestSupport.root();
    Path build = root.resolve("target/opensearch-cluster");
    Path classpath = build.resolve("classpath.txt");
    Path pom = root.resolve("src/test/opensearch-cluster/pom.xml");
    if (!Files.isRegularFile(classpath) || Files.getLastModifiedTime(classpath).compareTo(Files.getLastModifiedTime(pom)) < 0) {
      Process mvn = new ProcessBuilder(root.resolve("mvnw").toString(), "-q", "-B", "-f", pom.toString(), "package",
          "dependency:build-classpath", "-Dmdep.outputFile=" + classpath).directory(root.toFile()).inheritIO().start();
      if (mvn.waitFor() != 0) {
        throw new IllegalStateException("the OpenSearch test cluster could not be built (" + pom + ")");
      }
    }
    int base = freeBase();
    Path data = Files.createTempDirectory("opensearch-it");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xms768m", "-Xmx768m", "--enable-native-access=ALL-UNNAMED",
        "-cp", build.resolve("classes") + File.pathSeparator + Files.readString(classpath).strip(),
        "cluster.Cluster", data.toString(), String.valueOf(NODES), String.valueOf(base), "passages-it")
        .redirectError(build.resolve("cluster.log").toFile())
        .start();
    TestCluster cluster = new TestCluster(p, base);
    cluster.await("ready", 180);
    return cluster;
  }

  /** A base port with the next three ports free, and the three after base + 100 (the nodes' transport ports). */
  private static int freeBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (ServerSocket s = new ServerSocket(0)) {
        base = s.getLocalPort();
      }
      if (base + 200 > 65_000) {
        continue;
      }
      boolean free = true;
      for (int k = 1; k <= NODES && free; k++) {
        for (int port : new int[] {base + k, base + 100 + k}) { // HTTP, and transport (Cluster.java)
          try (ServerSocket s = new ServerSocket(port)) {
            free &= true;
          } catch (IOException taken) {
            free = false;
          }
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no free ports for the test cluster");
  }

  /** Node K's address (1-based). */
  String url(int k) {
    return "http://127.0.0.1:" + (basePort + k);
  }

  String urls() {
    StringBuilder out = new StringBuilder();
    for (int k = 1; k <= NODES; k++) {
      out.append(k > 1 ? "," : "").append(url(k));
    }
    return out.toString();
  }

  /** Closes node K, as a machine failure would: its port stops answering. */
  void stop(int k) throws InterruptedException {
    commands.println("stop " + k);
    await("stopped", 60);
  }

  void start(int k) throws InterruptedException {
    commands.println("start " + k);
    await("started", 120);
  }

  private void await(String what, int seconds) throws InterruptedException {
    String answer = answers.poll(seconds, TimeUnit.SECONDS);
    if (answer == null || !answer.startsWith(what)) {
      throw new IllegalStateException("the test cluster did not answer '" + what + "' but " + answer
          + (process.isAlive() ? "" : " (its JVM exited; see target/opensearch-cluster/cluster.log)"));
    }
  }

  private void quit() {
    try {
      commands.println("quit");
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
