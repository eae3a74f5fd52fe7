package cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * An OpenSearch cluster of N real nodes in this JVM, node K answering HTTP on basePort+K, driven by lines
 * on standard input: {@code stop K} closes node K (as a machine failure would), {@code start K} starts it
 * again, {@code quit} (or the end of input: the test JVM went away) closes the cluster and removes its data.
 * Every command is answered with one line on standard output, so the caller knows it was carried out.
 *
 * <p>Usage: {@code Cluster DATA_DIR NODES BASE_PORT CLUSTER_NAME}
 */
public final class Cluster {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int nodes = Integer.parseInt(args[1]);
    int basePort = Integer.parseInt(args[2]);
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.setMaxHttpPort(basePort + nodes + 100); // the runner refuses ports above 9299 otherwise
    // Transport ports of this cluster's own (HTTP port + 100) and its nodes as the only seeds: another cluster on the
    // machine (another worktree's test, a peer) neither takes a node's port when it restarts nor is asked to join.
    java.util.List<String> seeds = new java.util.ArrayList<>();
    for (int k = 1; k <= nodes; k++) {
      seeds.add("127.0.0.1:" + (basePort + 100 + k));
    }
    runner.onBuild((number, settings) -> settings.put("transport.port", basePort + 100 + number) // number: 1 to N
        .putList("discovery.seed_hosts", seeds));
    runner.build(OpenSearchRunner.newConfigs().basePath(data.toString()).numOfNode(nodes)
        .baseHttpPort(basePort).clusterName(args[3]).disableESLogger());
    runner.ensureYellow();
    say("ready " + nodes);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] cmd = line.strip().split(" ");
      switch (cmd[0]) {
        case "stop" -> {
          runner.getNode(Integer.parseInt(cmd[1]) - 1).close();
          say("stopped " + cmd[1]);
        }
        case "start" -> say((runner.startNode(Integer.parseInt(cmd[1]) - 1) ? "started " : "not started ") + cmd[1]);
        case "quit" -> {
          break;
        }
        default -> say("unknown " + line);
      }
      if (cmd[0].equals("quit")) {
        break;
      }
    }
    runner.close();
    runner.clean();
    say("closed");
    System.exit(0);
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
