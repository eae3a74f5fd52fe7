package passagesearch.search;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagVocabulary;
import passagesearch.query.ParsedQuery;
import passagesearch.query.Tags;

/**
 * Finds the tags a query's model names (with the same patterns that tag passages), the tags they imply, and
 * the tags its excluded words name ({@code -Trisenox}); marks a named tag in a snippet that matched by it alone.
 */
public final class TagRecognizer {
  private static final String MARK = "<mark>";
  private final TagVocabulary vocabulary;

  public TagRecognizer(TagVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * The query with the tags its words name, those they imply, those its excluded words name, and those named
   * only inside quoted phrases (which lift, never find a passage alone).
   */
  public ParsedQuery recognize(ParsedQuery query) {
    List<String> named = vocabulary.matching(query.looseWords());
    String excludedWords = query.excludedWords();
    List<String> excluded = excludedWords.isEmpty() ? List.of() : vocabulary.matching(excludedWords);
    List<String> specific = named.stream().filter(this::specific).toList();
    List<String> outside = vocabulary.matching(query.wordsOutsidePhrases());
    List<String> quoted = named.stream().filter(t -> !outside.contains(t)).toList();
    return query.withTags(new Tags(named, vocabulary.impliedBy(named), excluded, specific, quoted));
  }

  /**
   * Whether a tag names one thing (a drug, which has brand names or implies its class; a CAR-T product; a
   * disease or test known by an acronym, AML, MRD): its words mean it in any corpus. A topic (clinical
   * trials, prognosis) is named by common words that another corpus may not use for it at all.
   */
  private boolean specific(String id) {
    return vocabulary.find(id)
        .map(t -> !t.brands().isEmpty() || !t.implies().isEmpty() || !t.acronyms().isEmpty())
        .orElse(false);
  }

  /**
   * A snippet with nothing marked, from a passage that matched by a named tag alone ("Campath" finding
   * "anti-CD52"): the first place each named tag's patterns occur is marked, to the end of its word, so
   * the reader sees why it was found. A snippet that has marks is returned as it is.
   */
  String markTags(String snippet, List<String> named) {
    if (named.isEmpty() || snippet.isEmpty() || snippet.contains(MARK)) {
      return snippet;
    }
    boolean[] marked = new boolean[snippet.length()];
    boolean any = false;
    for (String id : named) {
      TagDefinition tag = vocabulary.find(id).orElse(null);
      for (Pattern p : tag == null ? List.<Pattern>of() : tag.patterns()) {
        Matcher m = p.matcher(snippet);
        if (m.find() && m.end() > m.start()) {
          int end = m.end();
          while (end < snippet.length() && Character.isLetterOrDigit(snippet.charAt(end))) {
            end++;
          }
          if (!insideEntity(snippet, m.start())) {
            for (int i = m.start(); i < end; i++) {
              marked[i] = true;
            }
            any = true;
          }
          break;
        }
      }
    }
    return any ? wrap(snippet, marked) : snippet;
  }

  /** Whether a position falls inside an HTML entity ({@code &amp;}) of the escaped snippet. */
  private static boolean insideEntity(String s, int at) {
    int amp = s.lastIndexOf('&', at);
    int semi = amp < 0 ? -1 : s.indexOf(';', amp);
    return semi >= at && semi - amp <= 8
        && s.substring(amp + 1, semi).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '#');
  }

  private static String wrap(String s, boolean[] marked) {
    StringBuilder out = new StringBuilder(s.length() + 26);
    for (int i = 0; i < s.length(); i++) {
      if (marked[i] && (i == 0 || !marked[i - 1])) {
        out.append(MARK);
      }
      out.append(s.charAt(i));
      if (marked[i] && (i == s.length() - 1 || !marked[i + 1])) {
        out.append("</mark>");
      }
    }
    return out.toString();
  }
}
