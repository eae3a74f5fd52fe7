package passagesearch.http;

/** The thing asked for does not exist; becomes a 404 with the message. */
final class NotFound extends RuntimeException {
  NotFound(String message) {
    super(message);
  }
}
