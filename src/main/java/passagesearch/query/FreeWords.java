package passagesearch.query;

import java.util.regex.Pattern;

/**
 * The query's words read as free text, the way synonyms, proximity and tags have always read them: split at
 * white space; a word starting with {@code -} is excluded, {@code OR} and {@code |} are dropped, and the
 * syntax characters inside a word become spaces. This is not always the operands' reading: in
 * {@code -"stem cell"} only {@code stem} is excluded here, and in {@code word~1} or {@code "a b"~3} the number
 * is a word here. Kept as it is so rankings stay as they were; the parser is the only caller.
 */
final class FreeWords {
  private FreeWords() {}

  /** The simple query syntax's characters inside a word: quotes, brackets, operators, escapes. */
  private static final Pattern SYNTAX = Pattern.compile("[\"()|+~*\\\\]");

  /** The words not excluded, without syntax. */
  static String included(String typed) {
    StringBuilder out = new StringBuilder();
    for (String token : typed.split("\\s+")) {
      if (token.startsWith("-") || token.equals("OR") || token.equals("|")) {
        continue;
      }
      out.append(SYNTAX.matcher(token).replaceAll(" ")).append(' ');
    }
    return out.toString().strip();
  }

  /** The words typed with a {@code -}, without it and without syntax. */
  static String excluded(String typed) {
    StringBuilder out = new StringBuilder();
    for (String token : typed.split("\\s+")) {
      if (token.length() > 1 && token.startsWith("-")) {
        out.append(SYNTAX.matcher(token.substring(1)).replaceAll(" ")).append(' ');
      }
    }
    return out.toString().strip();
  }
}
