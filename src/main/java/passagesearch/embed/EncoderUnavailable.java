package passagesearch.embed;

/**
 * The encoder cannot run here: its native library (ONNX Runtime, or the tokenizer's) does not load on this
 * platform, or the model's files are not in this build. The message says which, in words a user can act on;
 * unchecked, as {@link Encoder#load} is called once at start-up, where it ends the command with that message.
 */
public final class EncoderUnavailable extends RuntimeException {
  public EncoderUnavailable(String reason, Throwable cause) {
    super(reason, cause);
  }
}
