package passagesearch.serving;

/** A rebuild or rollback was asked for while another runs, in this process or another: one at a time. */
public final class Busy extends RuntimeException {
  public Busy(String message) {
    super(message);
  }
}
