package passagesearch.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import passagesearch.config.BoilerplateRules;
import passagesearch.config.LineRule;
import passagesearch.config.SectionRule;
import passagesearch.config.SplitSettings;

/**
 * Splits the plain text of a web page into passages.
 *
 * <p>Headings are short lines that do not read as sentences (level 1), and bullet or numbered lines
 * that head an indented or following paragraph (level 2). Under each heading, a paragraph is a unit, and
 * a list is one unit with the paragraph that introduces it. Units are then packed: larger ones split at
 * sentence ends, smaller ones merged with a neighbour under the same heading. A passage never crosses a
 * heading, a dropped line or a set-aside boundary. Paragraphs that repeat later text are skipped.
 *
 * <p>Two hard caps hold whatever the text: no passage spans more than {@code passageMaxChars} of it (a
 * sentence or list item longer than that is split at word boundaries), and no heading is longer than
 * {@code headingHardMaxChars} (cut at a word). Both are counted in the {@link Split}, so they can be
 * reported.
 */
public final class PassageSplitter {
  private final SplitSettings settings;
  private final BoilerplateRules rules;

  public PassageSplitter(SplitSettings settings, BoilerplateRules rules) {
    this.settings = settings;
    this.rules = rules;
  }

  /**
   * A passage before tagging.
   *
   * @param asideTag the set-aside tag, or null for ordinary content
   */
  public record Draft(List<String> headings, int start, int end, String asideTag) {}

  /**
   * The passages of a text, and how many times a hard cap cut something.
   *
   * @param paragraphsCut sentences or list items longer than a passage may be, split at word boundaries
   * @param headingsCut headings longer than a heading may be, cut at a word
   */
  public record Split(List<Draft> drafts, int paragraphsCut, int headingsCut) {}

  /** Counts of what the hard caps cut during one split. */
  private static final class Cuts {
    int paragraphs;
    int headings;
  }

  /** A line kept as content, with the run it belongs to (a run never crosses a boundary). */
  private record Unit(int index, Line line, int run, List<String> headings, String asideTag) {}

  /** A heading rule in force, and the heading level it started at. */
  private record ActiveSection(SectionRule rule, int level, boolean drop) {}

  /**
   * What the split asks of each line, worked out once though the lines are walked twice (once to find
   * the content that repeats are judged among, once to make the units): the chrome rules that match it
   * (a regular expression each) and its sentence ends (which {@link Repeats} and the packing both use).
   */
  private final class Lines {
    private static final LineRule NONE = new LineRule(null, "", null);
    final List<Line> list;
    private final LineRule[] dropped;
    private final LineRule[] setAside;
    private final List<List<Integer>> sentenceEnds;

    Lines(List<Line> list) {
      this.list = list;
      this.dropped = new LineRule[list.size()];
      this.setAside = new LineRule[list.size()];
      this.sentenceEnds = new ArrayList<>(java.util.Collections.nCopies(list.size(), null));
    }

    /** The first drop rule matching line i, or null. */
    LineRule dropped(int i) {
      if (dropped[i] == null) {
        LineRule rule = first(rules.dropLines(), list.get(i).trimmed());
        dropped[i] = rule == null ? NONE : rule;
      }
      return dropped[i] == NONE ? null : dropped[i];
    }

    /** The first set-aside rule matching line i, or null. */
    LineRule setAside(int i) {
      if (setAside[i] == null) {
        LineRule rule = first(rules.asideLines(), list.get(i).trimmed());
        setAside[i] = rule == null ? NONE : rule;
      }
      return setAside[i] == NONE ? null : setAside[i];
    }

    /** {@link Text#sentenceEnds} of line i's trimmed text. */
    List<Integer> sentenceEnds(int i) {
      List<Integer> ends = sentenceEnds.get(i);
      if (ends == null) {
        ends = Text.sentenceEnds(list.get(i).trimmed());
        sentenceEnds.set(i, ends);
      }
      return ends;
    }
  }

  /** A stretch of source text with its word count. */
  private record Span(int start, int end, int words, boolean introduces) {}

  public List<Draft> split(String text) {
    return splitCounting(text).drafts();
  }

  /** The passages, with what the hard caps cut. */
  public Split splitCounting(String text) {
    Cuts cuts = new Cuts();
    Lines lines = new Lines(Line.scan(text));
    // Repeats are judged among content paragraphs only: a copy inside chrome or set-aside text must not
    // make the content paragraph look like the repeat.
    boolean[] content = new boolean[lines.list.size()];
    for (Unit unit : units(lines, new boolean[lines.list.size()], new Cuts())) {
      content[unit.index()] = unit.asideTag() == null;
    }
    List<Unit> units = units(lines, Repeats.find(lines.list, settings, content, lines::sentenceEnds), cuts);
    List<Draft> drafts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int from = 0;
    while (from < units.size()) {
      int to = from;
      while (to < units.size() && units.get(to).run() == units.get(from).run()) {
        to++;
      }
      Unit first = units.get(from);
      for (Span span : pack(lines, units.subList(from, to), cuts)) {
        // An identical passage that the document repeats is indexed once.
        if (seen.add(Text.normalise(text.substring(span.start(), span.end())))) {
          drafts.add(new Draft(first.headings(), span.start(), span.end(), first.asideTag()));
        }
      }
      from = to;
    }
    return new Split(drafts, cuts.paragraphs, cuts.headings);
  }

  private List<Unit> units(Lines all, boolean[] repeats, Cuts cuts) {
    List<Line> lines = all.list;
    List<Unit> units = new ArrayList<>();
    int run = 0;
    String h1 = null;
    String h2 = null;
    int h2Indent = -1;
    ActiveSection section = null;
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      int level = headingLevel(lines, i);
      if (section != null && ends(section, line, level)) {
        if (section.rule().until() != null && level == 0) {
          h1 = null; // what follows an explicitly ended section is not under its heading
          h2 = null;
        }
        section = null;
        run++;
      }
      if (all.dropped(i) != null) {
        run++;
        continue;
      }
      if (section != null && section.drop()) {
        continue;
      }
      if (level > 0) {
        run++;
        String heading = line.kind() == Line.Kind.BULLET || line.mark() > 0 ? line.content() : line.trimmed();
        if (heading.length() > settings.headingHardMaxChars()) {
          // An explicit heading (# or <h1>) is a heading at any length; its name is cut, the text around kept.
          heading = Text.cutAtWord(heading, settings.headingHardMaxChars());
          cuts.headings++;
        }
        SectionRule drop = firstSection(rules.dropSections(), line.content());
        if (drop != null) {
          section = new ActiveSection(drop, level, true);
          continue;
        }
        if (level == 1) {
          h1 = heading;
          h2 = null;
          h2Indent = -1;
        } else {
          h2 = heading;
          h2Indent = line.kind() == Line.Kind.BULLET ? line.indent() : -1;
        }
        SectionRule aside = firstSection(rules.asideSections(), line.content());
        if (aside != null) {
          section = new ActiveSection(aside, level, false);
        }
        continue;
      }
      if (h2 != null && h2Indent >= 0 && line.indent() <= h2Indent) {
        h2 = null; // back out of an indented bullet section
        h2Indent = -1;
        run++;
      }
      if (repeats[i]) {
        run++;
        continue;
      }
      List<String> headings = headings(h1, h2);
      LineRule asideLine = all.setAside(i);
      if (asideLine != null) {
        units.add(new Unit(i, line, ++run, headings, asideLine.tag()));
        run++;
        continue;
      }
      units.add(new Unit(i, line, run, headings, section == null ? null : section.rule().tag()));
    }
    return units;
  }

  private static boolean ends(ActiveSection section, Line line, int level) {
    SectionRule rule = section.rule();
    if (rule.toEnd()) {
      return false;
    }
    if (rule.until() != null) {
      return rule.endsAt(line.trimmed());
    }
    return level > 0 && level <= section.level();
  }

  private static List<String> headings(String h1, String h2) {
    List<String> list = new ArrayList<>(2);
    if (h1 != null) {
      list.add(h1);
    }
    if (h2 != null) {
      list.add(h2);
    }
    return List.copyOf(list);
  }

  /** 1 for a heading line, 2 for a bullet or numbered line that heads a paragraph, else 0. */
  private int headingLevel(List<Line> lines, int i) {
    Line line = lines.get(i);
    Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
    if (line.mark() > 0) {
      return line.mark();
    }
    if (!headingLike(line.content())) {
      return 0;
    }
    return switch (line.kind()) {
      case TEXT -> 1;
      case BULLET -> next != null && next.kind() == Line.Kind.TEXT && next.indent() > line.indent() ? 2 : 0;
      case NUMBERED -> next != null && next.kind() == Line.Kind.TEXT && !headingLike(next.content()) ? 2 : 0;
    };
  }

  private boolean headingLike(String s) {
    if (s.isEmpty() || s.length() > settings.headingMaxChars() || Text.words(s) > settings.headingMaxWords()) {
      return false;
    }
    if (settings.sentenceEndings().indexOf(s.charAt(s.length() - 1)) >= 0) {
      return false;
    }
    int firstLetter = 0;
    while (firstLetter < s.length() && !Character.isLetterOrDigit(s.charAt(firstLetter))) {
      firstLetter++;
    }
    return firstLetter < s.length()
        && (Character.isUpperCase(s.charAt(firstLetter)) || Character.isDigit(s.charAt(firstLetter)));
  }

  /** Units of one run to passage spans: lists join their introduction, then split and merge by size. */
  private List<Span> pack(Lines lines, List<Unit> run, Cuts cuts) {
    List<Span> pieces = new ArrayList<>();
    List<Span> block = new ArrayList<>();
    for (Unit unit : run) {
      if (!unit.line().isItem() && !block.isEmpty()) {
        pieces.addAll(splitBlock(block));
        block = new ArrayList<>();
      }
      block.addAll(atoms(unit.line(), lines.sentenceEnds(unit.index()), cuts));
    }
    if (!block.isEmpty()) {
      pieces.addAll(splitBlock(block));
    }
    return merge(pieces);
  }

  /**
   * The smallest pieces a block may be cut into: sentences of a paragraph, whole list items; one longer
   * than a passage may be is split at word boundaries.
   */
  private List<Span> atoms(Line line, List<Integer> sentenceEnds, Cuts cuts) {
    List<Span> atoms = new ArrayList<>();
    String s = line.trimmed();
    if (line.isItem()) {
      addAtom(atoms, line, 0, s.length(), false, cuts);
      return atoms;
    }
    int from = 0;
    for (int end : sentenceEnds) {
      int start = from;
      while (start < end && Line.blank(s.charAt(start))) {
        start++;
      }
      if (start < end) {
        addAtom(atoms, line, start, end, s.charAt(end - 1) == ':', cuts);
      }
      from = end;
    }
    return atoms;
  }

  /** Adds {@code s[start, end)} of the line as one atom, or as several when it is longer than a passage may be. */
  private void addAtom(List<Span> atoms, Line line, int start, int end, boolean introduces, Cuts cuts) {
    String s = line.trimmed();
    int max = settings.passageMaxChars();
    if (end - start > max) {
      cuts.paragraphs++;
    }
    while (end - start > max) {
      int cut = Text.wordBoundaryBefore(s, start, start + max);
      int pieceEnd = cut;
      while (pieceEnd > start && Line.blank(s.charAt(pieceEnd - 1))) {
        pieceEnd--;
      }
      atoms.add(new Span(line.start() + start, line.start() + pieceEnd, Text.words(s.subSequence(start, pieceEnd)), false));
      start = cut;
      while (start < end && Line.blank(s.charAt(start))) {
        start++;
      }
    }
    if (start < end) {
      atoms.add(new Span(line.start() + start, line.start() + end, Text.words(s.subSequence(start, end)), introduces));
    }
  }

  /** Cuts a block larger than the maximum into near-equal pieces at atom boundaries. */
  private List<Span> splitBlock(List<Span> atoms) {
    int words = atoms.stream().mapToInt(Span::words).sum();
    int count = Math.max(1, (int) Math.ceil(words / (double) settings.maxWords()));
    double target = words / (double) count;
    List<Span> pieces = new ArrayList<>();
    int start = -1;
    int end = -1;
    int acc = 0;
    Span previous = null;
    for (Span atom : atoms) {
      boolean canCut = previous != null && !previous.introduces();
      // The character cap holds even after an introduction: a passage never spans more than passageMaxChars.
      boolean tooLong = start >= 0 && atom.end() - start > settings.passageMaxChars();
      if (start >= 0 && (tooLong || canCut && acc + atom.words() > settings.maxWords())) {
        pieces.add(new Span(start, end, acc, false));
        start = -1;
        acc = 0;
      }
      if (start < 0) {
        start = atom.start();
      }
      end = atom.end();
      acc += atom.words();
      previous = atom;
      if (acc >= target && !atom.introduces() && pieces.size() < count - 1) {
        pieces.add(new Span(start, end, acc, false));
        start = -1;
        acc = 0;
      }
    }
    if (start >= 0) {
      pieces.add(new Span(start, end, acc, false));
    }
    return pieces;
  }

  /** Merges pieces under the minimum into the next (or, for the last, the previous) piece. */
  private List<Span> merge(List<Span> pieces) {
    List<Span> merged = new ArrayList<>();
    for (Span piece : pieces) {
      if (!merged.isEmpty()) {
        Span last = merged.get(merged.size() - 1);
        if (last.words() < settings.minWords() && fits(last, piece)) {
          merged.set(merged.size() - 1, join(last, piece));
          continue;
        }
      }
      merged.add(piece);
    }
    int n = merged.size();
    if (n >= 2) {
      Span last = merged.get(n - 1);
      Span before = merged.get(n - 2);
      if (last.words() < settings.minWords() && fits(before, last)) {
        merged.set(n - 2, join(before, last));
        merged.remove(n - 1);
      }
    }
    return merged;
  }

  /** Whether two neighbouring pieces may be one passage: within both the word and the character maximum. */
  private boolean fits(Span a, Span b) {
    return a.words() + b.words() <= settings.maxWords() && b.end() - a.start() <= settings.passageMaxChars();
  }

  private static Span join(Span a, Span b) {
    return new Span(a.start(), b.end(), a.words() + b.words(), b.introduces());
  }

  private static LineRule first(List<LineRule> rules, String trimmed) {
    for (LineRule rule : rules) {
      if (rule.matches(trimmed)) {
        return rule;
      }
    }
    return null;
  }

  private static SectionRule firstSection(List<SectionRule> rules, String heading) {
    for (SectionRule rule : rules) {
      if (rule.startsAt(heading)) {
        return rule;
      }
    }
    return null;
  }
}
