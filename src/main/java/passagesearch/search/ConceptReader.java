package passagesearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import passagesearch.config.IndexConfig;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagVocabulary;
import passagesearch.index.IndexStore;
import passagesearch.query.Clause;
import passagesearch.query.Concept;
import passagesearch.query.Node;
import passagesearch.query.ParsedQuery;

/**
 * Reads the concepts of a query from its model, operand by operand: words typed side by side that name a tag
 * (found with the tag's own patterns, as the model's tags were) are one concept, a quoted phrase is one, each
 * other content word is one; operands typed with {@code OR} between them are one concept of alternatives.
 * Excluded operands, and words the analyzer drops (stop and question words), are none. Both engines read
 * concepts here, from the one model of the query.
 */
public final class ConceptReader {
  private final TagVocabulary vocabulary;
  private final Analyzer plain;

  ConceptReader(TagVocabulary vocabulary, Analyzer plain) {
    this.vocabulary = vocabulary;
    this.plain = plain;
  }

  /**
   * A reader for a configuration, dropping the words its query analyzer drops: for an engine that holds no
   * Lucene analyzer of its own (the OpenSearch engine, whose cluster reads the same words the same way).
   */
  public static ConceptReader of(IndexConfig config) {
    return new ConceptReader(config.tags(), IndexStore.analyzers(config).query());
  }

  /** The query's concepts in the order typed, each once. */
  public List<Concept> read(ParsedQuery query) {
    List<Concept> out = new ArrayList<>();
    clauses(query.clauses(), query.tags().named(), out);
    List<Concept> distinct = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Concept c : out) {
      String key = c.tags().size() == 1 && c.alternatives().isEmpty() ? "tag:" + c.tags().get(0) : c.text().toLowerCase(Locale.ROOT);
      if (seen.add(key)) {
        distinct.add(c);
      }
    }
    return distinct;
  }

  private void clauses(List<Clause> clauses, List<String> named, List<Concept> out) {
    List<Node.Term> run = new ArrayList<>();
    int either = -1; // where the concepts of an operand typed after OR start: joined to the one before
    for (Clause c : clauses) {
      Node node = c.node();
      if (c.excluded() || node instanceof Node.Empty || node instanceof Node.Everything) {
        either = flush(run, named, out, either);
        continue;
      }
      if (c.operator() == Clause.Operator.ANY) {
        either = flush(run, named, out, either);
        either = out.size();
      }
      if (node instanceof Node.Term t) {
        run.add(t);
        continue;
      }
      either = flush(run, named, out, either);
      switch (node) {
        case Node.Phrase p -> {
          if (hasTerms(p.text())) {
            out.add(Concept.of(Concept.Kind.PHRASE, "\"" + p.text() + "\"", List.of(p), List.of(), List.of(), false));
          }
        }
        case Node.Prefix p -> out.add(Concept.of(Concept.Kind.WORD, p.text() + "*", List.of(p), List.of(), List.of(), false));
        case Node.Fuzzy f -> out.add(Concept.of(Concept.Kind.WORD, f.text() + "~" + f.edits(), List.of(f), List.of(), List.of(), false));
        case Node.Group g -> clauses(g.clauses(), named, out);
        default -> { }
      }
      either = join(out, either);
    }
    flush(run, named, out, either);
  }

  /** Joins the first concept from {@code either} on to the one before it; -1 once done or when there is none. */
  private static int join(List<Concept> out, int either) {
    if (either > 0 && out.size() > either) {
      Concept alternative = out.remove(either);
      out.set(either - 1, out.get(either - 1).or(alternative));
      return -1;
    }
    return either > 0 && out.size() == either ? either : -1;
  }

  /**
   * The concepts of words typed side by side, in the order typed: the tags they name and each other content
   * word; joined to the concept before when typed after OR; empties the run.
   */
  private int flush(List<Node.Term> run, List<String> named, List<Concept> out, int either) {
    if (run.isEmpty()) {
      return either;
    }
    StringBuilder text = new StringBuilder();
    int[] starts = new int[run.size()];
    for (int i = 0; i < run.size(); i++) {
      if (i > 0) {
        text.append(' ');
      }
      starts[i] = text.length();
      text.append(run.get(i).text());
    }
    String[] tagOf = tagsOfWords(text.toString(), starts, named);
    Set<String> done = new HashSet<>();
    for (int i = 0; i < run.size(); i++) {
      String tag = tagOf[i];
      if (tag == null) {
        if (hasTerms(run.get(i).text())) {
          out.add(Concept.of(Concept.Kind.WORD, shown(run.get(i).text()), List.of(run.get(i)), List.of(), List.of(), false));
        }
      } else if (done.add(tag)) {
        List<Node> words = new ArrayList<>();
        for (int j = i; j < run.size(); j++) {
          if (tag.equals(tagOf[j])) {
            words.add(run.get(j));
          }
        }
        out.add(tagConcept(vocabulary.find(tag).orElseThrow(), words));
      }
    }
    run.clear();
    return join(out, either);
  }

  private Concept tagConcept(TagDefinition tag, List<Node> words) {
    String typed = shown(String.join(" ", words.stream().map(n -> ((Node.Term) n).text()).toList()));
    boolean specific = !tag.brands().isEmpty() || !tag.implies().isEmpty();
    String name = readerName(tag.label());
    String text = tag.brands().isEmpty() || typed.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))
        ? typed
        : typed + " (" + name + ")";
    return Concept.of(Concept.Kind.TAG, text, words, List.of(tag.id()), tag.implies(), specific);
  }

  /** Words as a reader reads them: without the punctuation typed around them ("transplant?" → "transplant"). */
  private static String shown(String words) {
    String inner = EDGES.matcher(words).replaceAll("");
    return inner.isEmpty() ? words : inner;
  }

  private static final Pattern EDGES = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");

  /** Whether the words leave any term once the analyzer drops stop and question words. */
  private boolean hasTerms(String words) {
    return !AnalyzedText.terms(plain, words).isEmpty();
  }

  /** A tag's label as it reads inside a sentence: "Imatinib" → "imatinib", "Alemtuzumab (anti-CD52)" → "alemtuzumab". */
  static String readerName(String label) {
    int paren = label.indexOf(" (");
    String name = paren > 0 ? label.substring(0, paren) : label;
    return name.length() > 1 && Character.isLowerCase(name.charAt(1))
        ? Character.toLowerCase(name.charAt(0)) + name.substring(1)
        : name;
  }

  /**
   * For each word of the text (starting at {@code starts}), the named tag whose pattern covers it, or null:
   * every place a named tag's pattern matches at a word start, to the end of its last word; longer places
   * first, a word taken once.
   */
  private String[] tagsOfWords(String text, int[] starts, List<String> named) {
    record Place(String tag, int start, int end) {}
    List<Place> places = new ArrayList<>();
    for (String id : named) {
      TagDefinition tag = vocabulary.find(id).orElse(null);
      for (Pattern p : tag == null ? List.<Pattern>of() : tag.patterns()) {
        Matcher m = p.matcher(text);
        for (int s : starts) {
          m.region(s, text.length());
          m.useTransparentBounds(true);
          m.useAnchoringBounds(false);
          if (m.lookingAt() && m.end() > s) {
            places.add(new Place(id, s, m.end()));
          }
        }
      }
    }
    places.sort(Comparator.comparingInt((Place p) -> p.start() - p.end()).thenComparingInt(Place::start));
    String[] tagOf = new String[starts.length];
    for (Place place : places) {
      List<Integer> words = new ArrayList<>();
      for (int i = 0; i < starts.length; i++) {
        if (starts[i] < place.end() && starts[i] >= place.start()) {
          words.add(i);
        }
      }
      if (words.stream().allMatch(i -> tagOf[i] == null)) {
        words.forEach(i -> tagOf[i] = place.tag());
      }
    }
    return tagOf;
  }
}
