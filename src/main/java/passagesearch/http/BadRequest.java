package passagesearch.http;

/** A client sent something this API cannot take; becomes a 400 with the message. */
final class BadRequest extends RuntimeException {
  BadRequest(String message) {
    super(message);
  }
}
