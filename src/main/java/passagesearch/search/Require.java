package passagesearch.search;

import java.util.List;

/**
 * The preconditions of the request records, in one place: each failure is an {@link InvalidRequestException}
 * whose message starts with the parameter's name and says what is allowed.
 */
final class Require {
  private Require() {}

  /** A text that must be given, not blank, and at most {@code maxLength} characters. */
  static String text(String param, String value, int maxLength, String example) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(param, param + " is required: " + example);
    }
    return atMost(param, value, maxLength);
  }

  /** A value no longer than {@code maxLength} characters. */
  static String atMost(String param, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new InvalidRequestException(param, param + " is " + value.length() + " characters; at most " + maxLength
          + " are allowed");
    }
    return value;
  }

  static int between(String param, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidRequestException(param, param + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  /** A repeatable parameter: at most {@code maxCount} values, none blank, each at most {@code maxLength}. */
  static List<String> values(String param, List<String> values, int maxCount, int maxLength) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > maxCount) {
      throw new InvalidRequestException(param, param + " may be given at most " + maxCount + " times, not "
          + values.size());
    }
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new InvalidRequestException(param, param + " must not be empty");
      }
      atMost(param, v, maxLength);
    }
    return List.copyOf(values);
  }
}
