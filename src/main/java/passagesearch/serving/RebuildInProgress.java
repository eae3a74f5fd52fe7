package passagesearch.serving;

/** A rebuild was asked for while another runs: one at a time. */
public final class RebuildInProgress extends RuntimeException {
  public RebuildInProgress(String runningJob) {
    super("a rebuild is already running (job " + runningJob + "); try again when it has finished");
  }
}
