package passagesearch.cli;

import java.util.concurrent.Callable;
import java.util.List;
import passagesearch.http.HttpSettings;
import passagesearch.http.PortInUse;
import passagesearch.http.WebServer;
import passagesearch.index.GenerationInfo;
import passagesearch.search.SearchService;
import passagesearch.serving.IndexManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the search page and API, building the index first when it is missing or stale.",
    footerHeading = "%nEnvironment:%n",
    footer = {"  ADMIN_TOKEN   the token the admin routes (rebuild, rollback) require as",
        "                Authorization: Bearer <token>. Unset: they are disabled (403)."})
final class ServeCommand implements Callable<Integer> {
  @Mixin Locations at;
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "${env:PORT:-7070}", description = "Port (env PORT). Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--host", defaultValue = "${env:HOST:-0.0.0.0}", description = "Interface (env HOST). Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--cors-origin", split = ",", defaultValue = "${env:CORS_ORIGINS}",
      description = "Origins allowed to call the API from a browser (repeatable or comma-separated; env CORS_ORIGINS). Default: none, CORS off.")
  List<String> corsOrigins;

  /** Set once the server is up, so {@link Main} leaves the JVM running. */
  boolean serving;

  @Override
  public Integer call() {
    SearchService search = new Bootstrap(at, spec.commandLine().getErr()).open(true);
    IndexManager manager = new IndexManager(at.corpus, at.config, at.ranking, at.index, search, at.vectorCache);
    WebServer server;
    try {
      server = WebServer.create(search,
          new HttpSettings(corsOrigins == null ? List.of() : corsOrigins, System.getenv("ADMIN_TOKEN")), manager)
          .start(host, port);
    } catch (PortInUse e) {
      manager.close();
      search.close();
      spec.commandLine().getErr().println("error: port " + e.port() + " is in use; choose another with --port or PORT");
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(new GracefulShutdown(List.of(
        new GracefulShutdown.Step("web server", server),
        new GracefulShutdown.Step("rebuild worker", manager),
        new GracefulShutdown.Step("index", search),
        new GracefulShutdown.Step("embedding model", search.models())), spec.commandLine().getOut(), spec.commandLine().getErr()),
        "shutdown"));
    GenerationInfo info = search.generation();
    spec.commandLine().getOut().printf("Serving %d passages from %d documents (%s) on http://%s:%d/%n",
        info.passages(), info.documents().size(), info.name(), host.equals("0.0.0.0") ? "localhost" : host,
        server.port());
    spec.commandLine().getOut().flush();
    serving = true;
    return 0;
  }
}
