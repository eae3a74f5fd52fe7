package passagesearch.http;

import io.javalin.http.Context;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, written by a background thread so a slow log never slows an answer. Requests add
 * their line to a lock-free queue, and the writer drains it every {@value #DRAIN_MILLIS} ms: a request neither
 * takes a lock shared with the writer nor wakes it (a blocking queue did both, about 6% of a {@code /health}
 * request's CPU). When {@value #QUEUE} lines wait, further lines are dropped and counted rather than blocking
 * requests. What a client sent is cut to {@value #MAX_SENT_CHARS} characters (method and path each), so the
 * queue holds at most a few MB however long the paths sent.
 */
final class AccessLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final int QUEUE = 10_000;
  private static final long DRAIN_MILLIS = 50;
  static final int MAX_SENT_CHARS = 120;

  private final int capacity;
  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "access-log");
    t.setDaemon(true);
    return t;
  });

  AccessLog() {
    this(QUEUE, DRAIN_MILLIS);
  }

  /** A log that keeps at most {@code capacity} lines waiting and writes them every {@code drainMillis} ms. */
  AccessLog(int capacity, long drainMillis) {
    this.capacity = capacity;
    writer.scheduleWithFixedDelay(this::drain, drainMillis, drainMillis, TimeUnit.MILLISECONDS);
  }

  void log(Context ctx, float millis) {
    log(RequestIds.of(ctx) + " " + cut(ctx.req().getMethod()) + " " + cut(ctx.path()) + " "
        + ctx.status().getCode() + " " + millis(millis) + "ms");
  }

  /** Queues a line as it is, or drops and counts it when {@code capacity} lines are already waiting. */
  void log(String line) {
    if (waiting.incrementAndGet() > capacity) {
      waiting.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    lines.add(line);
  }

  private void drain() {
    for (String line = lines.poll(); line != null; line = lines.poll()) {
      waiting.decrementAndGet();
      LOG.info(line);
    }
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

  /** Lines dropped because the writer fell behind (by {@value #QUEUE} lines in production), since it started. */
  long dropped() {
    return dropped.get();
  }

  /** Stops the writer and writes what is still waiting. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drain();
  }
}
