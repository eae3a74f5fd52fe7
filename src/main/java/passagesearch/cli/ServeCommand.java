package passagesearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.http.HttpSettings;
import passagesearch.http.PortInUse;
import passagesearch.http.WebServer;
import passagesearch.embed.ModelSlot;
import passagesearch.index.GenerationInfo;
import passagesearch.index.Pipeline;
import passagesearch.ingest.CorpusFolder;
import passagesearch.ingest.CorpusReader;
import passagesearch.opensearch.OpenSearchEngine;
import passagesearch.search.EngineUnavailableException;
import passagesearch.search.SearchService;
import passagesearch.serving.ClusterRebuilds;
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
  @Mixin EngineOptions engine;
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "${env:PORT:-7070}", description = "Port (env PORT). Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--host", defaultValue = "${env:HOST:-0.0.0.0}", description = "Interface (env HOST). Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--cors-origin", split = ",", defaultValue = "${env:CORS_ORIGINS}",
      description = "Origins allowed to call the API from a browser (repeatable or comma-separated; env CORS_ORIGINS). Default: none, CORS off.")
  List<String> corsOrigins;

  @Option(names = "--aot-training", hidden = true,
      description = "Serve on a free loopback port, answer a few requests of its own (StartupTraining), stop: the run "
          + "bin/passage-search records the JVM's ahead-of-time cache from.")
  boolean aotTraining;

  /** Set once the server is up, so {@link Main} leaves the JVM running. */
  boolean serving;

  @Override
  public Integer call() {
    StopSignals signals = StopSignals.install(); // a signal before the server is up ends the process at once
    if (engine.openSearch()) {
      return serveOpenSearch(signals);
    }
    SearchService search = new Bootstrap(at, spec.commandLine().getErr()).open(true);
    IndexManager manager = new IndexManager(at.corpus, at.config, at.ranking, at.index, search, at.vectorCache);
    WebServer server;
    try {
      server = WebServer.create(search,
          new HttpSettings(corsOrigins == null ? List.of() : corsOrigins, System.getenv("ADMIN_TOKEN")), manager)
          .start(aotTraining ? "127.0.0.1" : host, aotTraining ? 0 : port);
    } catch (PortInUse e) {
      manager.close();
      search.close();
      search.models().close();
      spec.commandLine().getErr().println("error: port " + e.port() + " is in use; choose another with --port or PORT");
      return 1;
    }
    search.models().load(); // only now, so that it does not slow start-up (ModelSlot)
    if (aotTraining) {
      new StartupTraining(server.port()).run(search.models());
      server.close();
      manager.close();
      search.close();
      search.models().close();
      return 0;
    }
    signals.gracefully(new GracefulShutdown(List.of(
        new GracefulShutdown.Step("web server", server),
        new GracefulShutdown.Step("rebuild worker", manager),
        new GracefulShutdown.Step("index", search),
        new GracefulShutdown.Step("embedding model", search.models())), spec.commandLine().getOut(), spec.commandLine().getErr()));
    GenerationInfo info = search.generation();
    spec.commandLine().getOut().printf("Serving %d passages from %d documents (%s) on http://%s:%d/%n",
        info.passages(), info.documents().size(), info.name(), host.equals("0.0.0.0") ? "localhost" : host,
        server.port());
    spec.commandLine().getOut().flush();
    sayWhenModelUnavailable(search.models());
    serving = true;
    return 0;
  }

  /**
   * The same API and page over an OpenSearch cluster: its generation is built first when there is none or the
   * corpus or configuration changed. A cluster that cannot be reached is no reason not to start: every answer
   * is then a 503 naming the cause (and {@code /ready} says not ready) until it can be.
   */
  private Integer serveOpenSearch(StopSignals signals) {
    PrintWriter err = spec.commandLine().getErr();
    IndexConfig config = new ConfigLoader().load(at.config, at.ranking);
    // The model loads once the server listens (or a build needs it), as for the embedded engine: searches are
    // lexical until it is ready.
    ModelSlot models = ModelSlot.onDemand(config.semantic());
    OpenSearchEngine search = engine.connect(config, engine.alias, models,
        at.vectorCache != null ? at.vectorCache : at.index.resolve(Pipeline.VECTOR_CACHE));
    try {
      CorpusFolder corpus = new CorpusReader(config.limits(), false).folder(at.corpus);
      if (!search.isFresh(corpus.fingerprint())) {
        err.println("No fresh generation under the OpenSearch alias '" + engine.alias + "': building it.");
        err.flush();
        search.build(corpus, engine.shards, engine.replicas, err::println);
      }
    } catch (EngineUnavailableException e) {
      err.println("warning: " + e.getMessage() + "; serving, every answer a 503 until the cluster can be reached");
      err.flush();
    }
    // Uploaded corpora are unpacked under the index folder, as the embedded engine's are.
    ClusterRebuilds admin = ClusterAdmin.of(search, config, at.corpus, at.index.resolve("uploads"), engine.shards,
        engine.replicas);
    WebServer server;
    try {
      server = WebServer.create(search,
          new HttpSettings(corsOrigins == null ? List.of() : corsOrigins, System.getenv("ADMIN_TOKEN")), admin)
          .start(aotTraining ? "127.0.0.1" : host, aotTraining ? 0 : port);
    } catch (PortInUse e) {
      admin.close();
      search.close();
      models.close();
      err.println("error: port " + e.port() + " is in use; choose another with --port or PORT");
      return 1;
    }
    models.load();
    if (aotTraining) {
      // The same requests, answered by the cluster (or refused with 503 when it cannot be reached), queries
      // embedded here as for the embedded engine.
      new StartupTraining(server.port()).run(models);
      server.close();
      admin.close();
      search.close();
      models.close();
      return 0;
    }
    signals.gracefully(new GracefulShutdown(List.of(
        new GracefulShutdown.Step("web server", server),
        new GracefulShutdown.Step("rebuild worker", admin),
        new GracefulShutdown.Step("OpenSearch client", search),
        new GracefulShutdown.Step("embedding model", models)), spec.commandLine().getOut(), err));
    spec.commandLine().getOut().printf("Serving the OpenSearch alias '%s' at %s on http://%s:%d/%n", engine.alias,
        engine.urls, host.equals("0.0.0.0") ? "localhost" : host, server.port());
    spec.commandLine().getOut().flush();
    sayWhenModelUnavailable(models);
    serving = true;
    return 0;
  }

  /** A server whose model cannot load answers by words alone; its log says so and why, as /api/index does. */
  private void sayWhenModelUnavailable(ModelSlot models) {
    PrintWriter err = spec.commandLine().getErr();
    models.whenUnavailable(reason -> {
      err.println(Bootstrap.WORDS_ALONE + reason);
      err.flush();
    });
  }
}
