package passagesearch.cli;

import java.io.PrintWriter;
import java.util.Arrays;
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

final class ServeCommand implements Callable<Integer> {
  static final CommandSyntax SYNTAX = new CommandSyntax("serve",
      "Serve the search page and API, building the index first when it is missing or stale.",
      CommandSyntax.join(Locations.OPTIONS, EngineOptions.OPTIONS, List.of(
          Option.value("--port", "PORT", "Port (env PORT).").env("PORT").orElse("7070"),
          Option.value("--host", "HOST", "Interface (env HOST).").env("HOST").orElse("0.0.0.0"),
          Option.value("--cors-origin", "ORIGIN", "Origins allowed to call the API from a browser (repeatable or "
              + "comma-separated; env CORS_ORIGINS). Unless given, none: CORS off.").env("CORS_ORIGINS").allowRepeats(),
          Option.flag("--aot-training", "Serve on a free loopback port, answer a few requests of its own "
              + "(StartupTraining), stop: the run bin/passage-search records the JVM's ahead-of-time cache from.")
              .hideFromHelp())),
      null,
      List.of("Environment:",
          "  ADMIN_TOKEN   the token the admin routes (rebuild, rollback) require as",
          "                Authorization: Bearer <token>. Unset: they are disabled (403)."));

  private final Locations at;
  private final EngineOptions engine;
  private final PrintWriter out;
  private final PrintWriter err;
  private final int port;
  private final String host;
  private final List<String> corsOrigins;
  private final boolean aotTraining;

  ServeCommand(Arguments args, PrintWriter out, PrintWriter err) {
    this.at = new Locations(args);
    this.engine = new EngineOptions(args);
    this.out = out;
    this.err = err;
    this.port = args.integer("--port");
    this.host = args.text("--host");
    this.corsOrigins = args.list("--cors-origin").stream().flatMap(o -> Arrays.stream(o.split(",")))
        .map(String::strip).filter(o -> !o.isEmpty()).toList();
    this.aotTraining = args.flag("--aot-training");
  }

  /** Set once the server is up, so {@link Main} leaves the JVM running. */
  boolean serving;

  @Override
  public Integer call() {
    StopSignals signals = StopSignals.install(); // a signal before the server is up ends the process at once
    if (engine.openSearch()) {
      return serveOpenSearch(signals);
    }
    SearchService search = new Bootstrap(at, err).open(true);
    IndexManager manager = new IndexManager(at.corpus, at.config, at.ranking, at.index, search, at.vectorCache);
    WebServer server;
    try {
      server = WebServer.create(search,
          new HttpSettings(corsOrigins, System.getenv("ADMIN_TOKEN")), manager)
          .start(aotTraining ? "127.0.0.1" : host, aotTraining ? 0 : port);
    } catch (PortInUse e) {
      manager.close();
      search.close();
      search.models().close();
      err.println("error: port " + e.port() + " is in use; choose another with --port or PORT");
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
        new GracefulShutdown.Step("embedding model", search.models())), out, err));
    GenerationInfo info = search.generation();
    out.printf("Serving %d passages from %d documents (%s) on http://%s:%d/%n",
        info.passages(), info.documents().size(), info.name(), host.equals("0.0.0.0") ? "localhost" : host,
        server.port());
    out.flush();
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
          new HttpSettings(corsOrigins, System.getenv("ADMIN_TOKEN")), admin)
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
        new GracefulShutdown.Step("embedding model", models)), out, err));
    out.printf("Serving the OpenSearch alias '%s' at %s on http://%s:%d/%n", engine.alias,
        engine.urls, host.equals("0.0.0.0") ? "localhost" : host, server.port());
    out.flush();
    sayWhenModelUnavailable(models);
    serving = true;
    return 0;
  }

  /** A server whose model cannot load answers by words alone; its log says so and why, as /api/index does. */
  private void sayWhenModelUnavailable(ModelSlot models) {
    models.whenUnavailable(reason -> {
      err.println(Bootstrap.WORDS_ALONE + reason);
      err.flush();
    });
  }
}
