package passagesearch.http;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EofException;

/**
 * A request the client broke off: it hung up before its body ended, or sent it too slowly. That is the
 * client's doing, not a server error: it is answered 400 (or 408) and logged in one line, with no trace.
 */
final class BrokenOffRequests {
  private BrokenOffRequests() {}

  /** The status for a failure that is a broken-off request, or 0 when it is not one. */
  static int status(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EofException) {
        return 400;
      }
      if (t instanceof TimeoutException) {
        return 408;
      }
    }
    return 0;
  }

  static String message(int status) {
    return status == 408 ? "the request body did not arrive in time" : "the request body ended early";
  }
}
