package passagesearch.http;

import java.time.Duration;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * The bound on requests in flight. Each answer is bounded (the README's worst case per request: about
 * 2.5 MB), but Jetty's pool would run 250 of them at once, more than a 128 MB heap holds. Past
 * {@value #MAX_REQUESTS} at once a request waits, holding no thread, for up to {@value #MAX_WAIT_SECONDS} s;
 * past {@value #MAX_WAITING} waiting, or after the wait, it is a 503. Liveness, readiness and metrics
 * answer outside the bound, so a flood of slow clients never makes the server look dead.
 */
final class InFlight {
  static final int MAX_REQUESTS = 16;
  static final int MAX_WAITING = 1024;
  static final int MAX_WAIT_SECONDS = 15;

  private InFlight() {}

  static QoSHandler bounded() {
    QoSHandler qos = new QoSHandler();
    qos.setMaxRequestCount(MAX_REQUESTS);
    qos.setMaxSuspendedRequestCount(MAX_WAITING);
    qos.setMaxSuspend(Duration.ofSeconds(MAX_WAIT_SECONDS));
    qos.setRejectStatusCode(503);
    qos.excludePath(Routes.HEALTH, Routes.READY, Routes.METRICS);
    return qos;
  }
}
