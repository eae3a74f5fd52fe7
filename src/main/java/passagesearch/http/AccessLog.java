package passagesearch.http;

import io.javalin.http.Context;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, written by a background thread so a slow log never slows an answer. When the
 * queue is full, lines are dropped and counted rather than blocking requests.
 */
final class AccessLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final int QUEUE = 10_000;

  private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(QUEUE), r -> {
        Thread t = new Thread(r, "access-log");
        t.setDaemon(true);
        return t;
      }, (task, pool) -> { });
  private final AtomicLong dropped = new AtomicLong();

  void log(Context ctx, float millis) {
    String line = RequestIds.of(ctx) + " " + ctx.method().name() + " " + ctx.path() + " " + ctx.status().getCode()
        + " " + String.format("%.1f", millis) + "ms";
    if (writer.getQueue().remainingCapacity() == 0) {
      dropped.incrementAndGet();
      return;
    }
    writer.execute(() -> LOG.info(line));
  }

  long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
