package passagesearch.http;

/** The request is larger than the server accepts; becomes a 413 with the message. */
final class TooLarge extends RuntimeException {
  TooLarge(String message) {
    super(message);
  }
}
