package passagesearch.config;

/** The index configuration cannot be used; the message names the file and the rule. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }
}
