package passagesearch.cli;

import java.nio.file.Path;
import passagesearch.config.IndexConfig;
import passagesearch.ingest.CorpusReader;
import passagesearch.opensearch.AliasBusy;
import passagesearch.opensearch.BulkWriter;
import passagesearch.opensearch.NoPreviousGeneration;
import passagesearch.opensearch.OpenSearchEngine;
import passagesearch.serving.Busy;
import passagesearch.serving.CannotRollBack;
import passagesearch.serving.ClusterRebuilds;

/**
 * The admin routes' rebuilds and rollbacks over an OpenSearch alias: the serving room's jobs wired to the
 * engine's builds, a corpus folder read as {@code index} reads it (files that cannot be read skipped, saying
 * so), new generations with the shards and replicas {@code serve} was given.
 */
public final class ClusterAdmin {
  private ClusterAdmin() {}

  /**
   * @param corpus the configured corpus folder ({@code ?corpus=configured})
   * @param uploads where uploaded corpora are unpacked while their job runs
   */
  public static ClusterRebuilds of(OpenSearchEngine engine, IndexConfig config, Path corpus, Path uploads, int shards,
      int replicas) {
    return new ClusterRebuilds(corpus, uploads, new ClusterRebuilds.Alias() {
      @Override
      public Runnable hold(String what) {
        try {
          return engine.hold(what)::close;
        } catch (AliasBusy e) {
          throw new Busy(e.getMessage());
        }
      }

      @Override
      public ClusterRebuilds.Published build(Path folder, ClusterRebuilds.Progress progress) {
        BulkWriter.Built built = engine.build(new CorpusReader(config.limits(), false).folder(folder), shards, replicas,
            progress::update, note -> { }); // a model that cannot load: the server's log says so once, at load
        return new ClusterRebuilds.Published(built.generation(), built.documents(), built.passages(), built.report());
      }

      @Override
      public String rollback() {
        try {
          return engine.rollback();
        } catch (NoPreviousGeneration e) {
          throw new CannotRollBack(e.getMessage());
        }
      }
    });
  }
}
