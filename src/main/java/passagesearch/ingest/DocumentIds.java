package passagesearch.ingest;

import java.util.regex.Pattern;

/**
 * Which document ids the service can serve. An id is part of URLs ({@code /api/documents/<id>}) and of
 * passage ids ({@code <id>/<number>}, {@code /api/passages/<id>/<number>}), which the HTTP layer takes up
 * to 300 characters: so letters, digits, {@code .}, {@code _} and {@code -}, never {@code .} or {@code ..}
 * alone (a browser resolves those away), and short enough that its passages' ids fit.
 */
final class DocumentIds {
  /** 300 for a passage id, less "/" and up to six digits of passage number. */
  static final int MAX_LENGTH = 293;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern UNSAFE_RUN = Pattern.compile("[^A-Za-z0-9._-]+");

  private DocumentIds() {}

  /** An id a file states, with each run of other characters made one {@code -}. */
  static String safe(String stated) {
    return UNSAFE_RUN.matcher(stated).replaceAll("-");
  }

  /** Why a document cannot have this id, or null when it can. */
  static String refusal(String id) {
    if (id.length() > MAX_LENGTH) {
      return String.format("its id has %,d characters, more than the %d a document id may have (its passages' "
          + "ids, id/number, must stay within the 300 the HTTP routes take)", id.length(), MAX_LENGTH);
    }
    if (id.equals(".") || id.equals("..")) {
      return "its id '" + id + "' would give URLs no browser can open";
    }
    if (!SAFE.matcher(id).matches()) {
      return "its id '" + id + "' is not letters, digits, '.', '_' and '-'";
    }
    return null;
  }
}
