package passagesearch.serving;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The last rebuild jobs of this process and where each stands, at most {@value #KEPT_JOBS}; safe across threads. */
final class JobBoard {
  static final int KEPT_JOBS = 50;

  private final Map<String, RebuildJob> jobs = new LinkedHashMap<>();

  /** A job just accepted, waiting for the worker. */
  RebuildJob queued(String id) {
    return remember(new RebuildJob(id, RebuildJob.State.QUEUED, Instant.now().toString(), null, "waiting to start",
        null, 0, 0, 0));
  }

  RebuildJob running(RebuildJob job, String message, int documents, int passages, int total) {
    return remember(new RebuildJob(job.id(), RebuildJob.State.RUNNING, job.startedAt(), null, message, null, documents,
        passages, total));
  }

  RebuildJob succeeded(RebuildJob job, String message, String generation, int documents, int passages) {
    return remember(new RebuildJob(job.id(), RebuildJob.State.SUCCEEDED, job.startedAt(), Instant.now().toString(),
        message, generation, documents, passages, documents));
  }

  RebuildJob failed(RebuildJob job, String message) {
    return remember(new RebuildJob(job.id(), RebuildJob.State.FAILED, job.startedAt(), Instant.now().toString(),
        message, null, 0, 0, 0));
  }

  Optional<RebuildJob> get(String id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id));
    }
  }

  private RebuildJob remember(RebuildJob job) {
    synchronized (jobs) {
      jobs.put(job.id(), job);
      while (jobs.size() > KEPT_JOBS) {
        jobs.remove(jobs.keySet().iterator().next());
      }
    }
    return job;
  }
}
