package passagesearch.search;

/** The request cannot be answered as asked; the message names the parameter and what is allowed. */
public final class InvalidRequestException extends RuntimeException {
  private final String parameter;

  public InvalidRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
