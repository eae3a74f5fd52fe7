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
 * queue is full, lines are dropped and counted rather than blocking requests. What a client sent is cut
 * to {@value #MAX_SENT_CHARS} characters (method and path each), so a full queue holds at most about
 * 10,000 lines of 300 characters (a few MB) however long the paths sent.
 */
final class AccessLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final int QUEUE = 10_000;
  static final int MAX_SENT_CHARS = 120;

  private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(QUEUE), r -> {
        Thread t = new Thread(r, "access-log");
        t.setDaemon(true);
        return t;
      }, (task, pool) -> { });
  private final AtomicLong dropped = new AtomicLong();

  void log(Context ctx, float millis) {
    String line = RequestIds.of(ctx) + " " + cut(ctx.req().getMethod()) + " " + cut(ctx.path()) + " " + ctx.status().getCode()
        + " " + millis(millis) + "ms";
    if (writer.getQueue().remainingCapacity() == 0) {
      dropped.incrementAndGet();
      return;
    }
    writer.execute(() -> LOG.info(line));
  }

  /**
   * Milliseconds to one decimal, rounded half up, always with a point: String.format read the default locale
   * ("1,5ms" on a German machine) and parsed its pattern at every request (2-3% of a /health request's CPU).
   */
  static String millis(float millis) {
    long tenths = Math.round((double) millis * 10);
    return tenths / 10 + "." + tenths % 10;
  }

  private static String cut(String sent) {
    return sent.length() > MAX_SENT_CHARS ? sent.substring(0, MAX_SENT_CHARS) + "…" : sent;
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
