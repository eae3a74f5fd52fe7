package passagesearch.serving;

import java.util.concurrent.atomic.AtomicReference;

/**
 * This process's turn at changing what is served: one rebuild or rollback at a time, whichever engine holds
 * the generations. Taking the turn while another holds it is {@link Busy}, naming what holds it.
 */
final class OneAtATime {
  private final AtomicReference<String> holder = new AtomicReference<>();

  /** @param what what takes the turn, as a refusal names it ("rebuild job ...", "a rollback") */
  void take(String what) {
    if (!holder.compareAndSet(null, what)) {
      throw new Busy("a rebuild or rollback is already running (" + holder.get() + "); try again when it has finished");
    }
  }

  /** Gives the turn back. */
  void give() {
    holder.set(null);
  }
}
