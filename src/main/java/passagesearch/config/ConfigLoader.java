package passagesearch.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and validates {@code index-config/}; every error names the file and the rule at fault. */
public final class ConfigLoader {
  private static final int INSENSITIVE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  /** Matches must start at a word start: nothing alphanumeric right before. */
  private static final String WORD_START = "(?<![\\p{L}\\p{N}])";
  private static final String WORD_END = "(?![\\p{L}\\p{N}])";

  /** Files read only when searching: a change to them needs a restart, not a new index. */
  static final Set<String> QUERY_TIME_FILES = Set.of("ranking.yaml", "synonyms.txt", "question-words.txt", "README.md", "semantic.yaml");

  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Loads the configuration, with the ranking profile from another file when one is given. */
  public IndexConfig load(Path dir, Path rankingProfile) {
    IndexConfig config = load(dir);
    if (rankingProfile == null) {
      return config;
    }
    if (!Files.isRegularFile(rankingProfile)) {
      throw new ConfigException("ranking profile not found: " + rankingProfile);
    }
    return config.withRanking(ranking(read(rankingProfile.getParent() == null ? Path.of(".") : rankingProfile.getParent(),
        rankingProfile.getFileName().toString(), RankingFile.class)));
  }

  public IndexConfig load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("index configuration folder not found: " + dir);
    }
    PassagesFile passages = read(dir, "passages.yaml", PassagesFile.class);
    SplitSettings split = split(passages);
    IngestLimits limits = limits(passages.limits());
    BoilerplateRules rules = boilerplate(read(dir, "boilerplate.yaml", BoilerplateFile.class));
    TagVocabulary tags = tags(read(dir, "tags.yaml", TagsFile.class));
    RankingSettings ranking = ranking(read(dir, "ranking.yaml", RankingFile.class));
    Vocabulary vocabulary = vocabulary(dir, tags);
    for (String tag : rules.asideLines().stream().map(LineRule::tag).toList()) {
      requireSetAside(tags, tag);
    }
    for (String tag : rules.asideSections().stream().map(SectionRule::tag).toList()) {
      requireSetAside(tags, tag);
    }
    SemanticSettings semantic = Files.isRegularFile(dir.resolve("semantic.yaml"))
        ? semantic(read(dir, "semantic.yaml", SemanticFile.class))
        : SemanticSettings.off();
    return new IndexConfig(split, stubs(passages.stub()), limits, rules, tags, vocabulary, ranking, semantic,
        IndexConfig.fingerprintWith(Fingerprints.ofFolder(dir, QUERY_TIME_FILES), semantic));
  }

  private static void requireSetAside(TagVocabulary tags, String tag) {
    if (!tags.setAsideTags().contains(tag)) {
      throw new ConfigException(
          "boilerplate.yaml: set-aside tag '" + tag + "' is not in the '" + TagVocabulary.SET_ASIDE_GROUP
              + "' group of tags.yaml");
    }
  }

  private <T> T read(Path dir, String name, Class<T> type) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("index configuration file missing: " + file);
    }
    try {
      T value = yaml.readValue(file.toFile(), type);
      if (value == null) {
        throw new ConfigException(name + " is empty");
      }
      return value;
    } catch (IOException e) {
      throw new ConfigException(name + ": " + e.getMessage().lines().findFirst().orElse("unreadable"), e);
    }
  }

  private static SplitSettings split(PassagesFile f) {
    SplitSettings d = SplitSettings.defaults();
    HeadingPart h = f.heading() == null ? new HeadingPart(null, null, null, null) : f.heading();
    PassagePart p = f.passage() == null ? new PassagePart(null, null, null, null, null) : f.passage();
    return new SplitSettings(
        or(h.maxWords(), d.headingMaxWords()),
        or(h.maxChars(), d.headingMaxChars()),
        h.sentenceEndings() == null ? d.sentenceEndings() : h.sentenceEndings(),
        or(p.minWords(), d.minWords()),
        or(p.maxWords(), d.maxWords()),
        p.repeatShare() == null ? d.repeatShare() : p.repeatShare(),
        or(p.repeatMinWords(), d.repeatMinWords()),
        or(h.hardMaxChars(), d.headingHardMaxChars()),
        or(p.maxChars(), d.passageMaxChars()));
  }

  private static HeadingStubRule stubs(StubPart st) {
    HeadingStubRule d = HeadingStubRule.none();
    return st == null ? d : new HeadingStubRule(or(st.maxWords(), d.maxWords()), or(st.minHeadingWords(), d.minHeadingWords()));
  }

  private static IngestLimits limits(LimitsPart l) {
    IngestLimits d = IngestLimits.defaults();
    if (l == null) {
      return d;
    }
    return new IngestLimits(
        or(l.maxDocumentBytes(), d.maxDocumentBytes()), or(l.maxHtmlElements(), d.maxHtmlElements()),
        or(l.maxReasons(), d.maxReasons()));
  }

  private static BoilerplateRules boilerplate(BoilerplateFile f) {
    RuleSet drop = f.drop() == null ? new RuleSet(List.of(), List.of()) : f.drop();
    RuleSet aside = f.setAside() == null ? new RuleSet(List.of(), List.of()) : f.setAside();
    return new BoilerplateRules(
        lines(drop.lines(), "drop", false),
        sections(drop.sections(), "drop", false),
        lines(aside.lines(), "setAside", true),
        sections(aside.sections(), "setAside", true));
  }

  private static List<LineRule> lines(List<LineEntry> entries, String where, boolean needsTag) {
    List<LineRule> rules = new ArrayList<>();
    for (int i = 0; i < nonNull(entries).size(); i++) {
      LineEntry e = entries.get(i);
      String at = "boilerplate.yaml: " + where + ".lines[" + i + "]";
      checkTag(e.tag(), needsTag, at);
      rules.add(new LineRule(compile(e.pattern(), INSENSITIVE, at), e.why(), e.tag()));
    }
    return rules;
  }

  private static List<SectionRule> sections(List<SectionEntry> entries, String where, boolean needsTag) {
    List<SectionRule> rules = new ArrayList<>();
    for (int i = 0; i < nonNull(entries).size(); i++) {
      SectionEntry e = entries.get(i);
      String at = "boilerplate.yaml: " + where + ".sections[" + i + "]";
      checkTag(e.tag(), needsTag, at);
      boolean toEnd = "END".equals(e.until());
      Pattern until = e.until() == null || toEnd ? null : compile(e.until(), INSENSITIVE, at + ".until");
      rules.add(new SectionRule(compile(e.heading(), INSENSITIVE, at + ".heading"), until, toEnd, e.why(), e.tag()));
    }
    return rules;
  }

  private static void checkTag(String tag, boolean needsTag, String at) {
    if (needsTag && (tag == null || tag.isBlank())) {
      throw new ConfigException(at + ": a set-aside rule needs a tag");
    }
    if (!needsTag && tag != null) {
      throw new ConfigException(at + ": a drop rule takes no tag");
    }
  }

  private static TagVocabulary tags(TagsFile f) {
    List<TagGroup> groups = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (GroupEntry g : nonNull(f.groups())) {
      require(g.id(), "tags.yaml: a group has no id");
      List<TagDefinition> defs = new ArrayList<>();
      for (TagEntry t : nonNull(g.tags())) {
        String at = "tags.yaml: group '" + g.id() + "', tag '" + t.id() + "'";
        require(t.id(), "tags.yaml: a tag in group '" + g.id() + "' has no id");
        if (!t.id().matches("[a-z0-9][a-z0-9-]*")) {
          throw new ConfigException(at + ": ids are lower-case letters, digits and hyphens");
        }
        if (!ids.add(t.id())) {
          throw new ConfigException(at + ": the id is used twice");
        }
        List<Pattern> patterns = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String w : nonNull(t.words())) {
          patterns.add(compile(WORD_START + "(?:" + w + ")", INSENSITIVE, at + " word '" + w + "'"));
          prefixes.add(RegexLiterals.prefix(w));
        }
        for (String b : nonNull(t.brands())) {
          patterns.add(compile(WORD_START + Pattern.quote(b) + WORD_END, INSENSITIVE, at + " brand"));
          prefixes.add(RegexLiterals.prefix(b));
        }
        for (String a : nonNull(t.acronyms())) {
          patterns.add(compile(WORD_START + Pattern.quote(a) + WORD_END, 0, at + " acronym"));
          prefixes.add(RegexLiterals.prefix(a));
        }
        defs.add(new TagDefinition(
            t.id(), t.label() == null ? t.id() : t.label(), g.id(), patterns, nonNull(t.brands()), nonNull(t.acronyms()),
            nonNull(t.implies()), prefixes));
      }
      TagInheritance inherit = null;
      if (g.inherit() != null) {
        ConfigException.check(g.inherit().share() != null, "tags.yaml: group '" + g.id() + "': inherit needs a share");
        ConfigException.check(!g.id().equals(TagVocabulary.SET_ASIDE_GROUP),
            "tags.yaml: set-aside tags come only from the chrome rules; the group cannot be inherited");
        inherit = new TagInheritance(g.inherit().share());
      }
      groups.add(new TagGroup(g.id(), g.label() == null ? g.id() : g.label(), defs, inherit));
    }
    TagVocabulary vocabulary = new TagVocabulary(groups);
    for (TagDefinition t : vocabulary.all()) {
      for (String implied : t.implies()) {
        if (!ids.contains(implied)) {
          throw new ConfigException("tags.yaml: tag '" + t.id() + "' implies unknown tag '" + implied + "'");
        }
      }
    }
    return vocabulary;
  }

  private static SemanticSettings semantic(SemanticFile f) {
    SemanticSettings d = SemanticSettings.off();
    FusionPart fu = f.fusion() == null ? new FusionPart(null, null, null, null) : f.fusion();
    return new SemanticSettings(or(f.enabled(), d.enabled()), f.model() == null ? d.model() : f.model(),
        or(fu.weight(), d.weight()), or(fu.candidates(), d.candidates()), or(fu.minSimilarity(), d.minSimilarity()),
        or(fu.fullWeightWords(), d.fullWeightWords()), or(f.keptQueries(), d.keptQueries()));
  }

  private static RankingSettings ranking(RankingFile f) {
    RankingSettings d = RankingSettings.defaults();
    Bm25Part bm = f.bm25() == null ? new Bm25Part(null, null) : f.bm25();
    FieldsPart fp = f.fields() == null ? new FieldsPart(null, null, null, null) : f.fields();
    SynonymsPart syn = f.synonyms() == null ? new SynonymsPart(null) : f.synonyms();
    PhrasePart ph = f.phrase() == null ? new PhrasePart(null, null) : f.phrase();
    TagsPart tp = f.tags() == null ? new TagsPart(null, null) : f.tags();
    ResultsPart rp = f.results() == null ? new ResultsPart(null, null, null, null) : f.results();
    SpellingPart spl = f.spelling() == null ? new SpellingPart(null, null) : f.spelling();
    SnippetPart sp = f.snippet() == null ? new SnippetPart(null, null) : f.snippet();
    QueryPart qp = f.query() == null ? new QueryPart(null, null, null) : f.query();
    CoveragePart cp = f.coverage() == null ? new CoveragePart(null, null, null) : f.coverage();
    CoverageSettings dc = d.coverage();
    return new RankingSettings(
        or(bm.k1(), d.k1()),
        or(bm.b(), d.b()),
        or(fp.text(), d.textWeight()),
        or(fp.headings(), d.headingsWeight()),
        or(fp.title(), d.titleWeight()),
        or(fp.combined(), d.combinedFields()),
        or(syn.weight(), d.synonymWeight()),
        or(ph.weight(), d.phraseWeight()),
        or(ph.slop(), d.phraseSlop()),
        or(tp.weight(), d.tagWeight()),
        or(tp.impliedWeight(), d.impliedTagWeight()),
        or(rp.sameSourceDecay(), d.sameSourceDecay()),
        or(rp.duplicateOverlap(), d.duplicateOverlap()),
        or(rp.window(), d.window()),
        or(rp.headingStubFactor(), d.headingStubFactor()),
        or(spl.maxEdits(), d.correctionMaxEdits()),
        or(spl.minLength(), d.correctionMinLength()),
        or(sp.maxPassages(), d.snippetPassages()),
        or(sp.maxLength(), d.snippetMaxLength()),
        or(qp.maxLength(), d.maxQueryLength()),
        or(qp.timeLimitMillis(), d.timeLimitMillis()),
        or(qp.cacheEntries(), d.cacheEntries()),
        new CoverageSettings(or(cp.missingName(), dc.missingName()), or(cp.classShare(), dc.classShare()),
            or(cp.missingOther(), dc.missingOther())));
  }

  private static Vocabulary vocabulary(Path dir, TagVocabulary tags) {
    Map<String, String> spellings = new HashMap<>();
    List<String> lines = lines(dir, "spelling.txt");
    for (int i = 0; i < lines.size(); i++) {
      String[] pair = lines.get(i).toLowerCase(Locale.ROOT).split("\\s+");
      if (pair.length != 2) {
        throw new ConfigException("spelling.txt: line '" + lines.get(i) + "' must be two words: variant, indexed form");
      }
      spellings.put(pair[0], pair[1]);
    }
    List<String> synonyms = new ArrayList<>(lines(dir, "synonyms.txt"));
    Set<String> glued = new HashSet<>();
    lines(dir, "words.txt").forEach(w -> glued.add(w.toLowerCase(Locale.ROOT)));
    for (TagGroup group : tags.groups()) {
      for (TagDefinition t : group.tags()) {
        if (!group.id().equals("drug")) {
          continue;
        }
        String generic = t.id().replace('-', ' ');
        List<String> names = new ArrayList<>(List.of(generic));
        names.addAll(t.brands());
        if (names.size() > 1) {
          synonyms.add(String.join(", ", names.stream().map(n -> n.replace(",", "")).toList()));
        }
        for (String name : names) {
          if (!name.contains(" ")) {
            glued.add(name.toLowerCase(Locale.ROOT));
          } else {
            glued.addAll(List.of(name.toLowerCase(Locale.ROOT).split(" ")));
          }
        }
      }
    }
    glued.removeIf(w -> w.length() < 5);
    Set<String> questionWords = new HashSet<>();
    lines(dir, "question-words.txt").forEach(l -> questionWords.addAll(List.of(l.toLowerCase(Locale.ROOT).split("\\s+"))));
    return new Vocabulary(spellings, synonyms, glued, questionWords);
  }

  /** The non-blank, non-comment lines of an optional text file. */
  private static List<String> lines(Path dir, String name) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot be read as UTF-8 text: " + e.getMessage(), e);
    }
  }

  private static Pattern compile(String regex, int flags, String at) {
    require(regex, at + ": pattern missing");
    try {
      return Pattern.compile(regex, flags);
    } catch (PatternSyntaxException e) {
      throw new ConfigException(at + ": not a valid regular expression: " + e.getDescription());
    }
  }

  private static void require(String value, String message) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(message);
    }
  }

  private static boolean or(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static float or(Float value, float fallback) {
    return value == null ? fallback : value;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  // The files' shapes. Unknown keys fail, so a misspelt key is an error, not a silent default.
  record SemanticFile(Boolean enabled, String model, FusionPart fusion, Integer keptQueries) {}

  record FusionPart(Float weight, Integer candidates, Float minSimilarity, Integer fullWeightWords) {}

  record PassagesFile(HeadingPart heading, PassagePart passage, StubPart stub, LimitsPart limits) {}

  record StubPart(Integer maxWords, Integer minHeadingWords) {}

  record HeadingPart(Integer maxWords, Integer maxChars, String sentenceEndings, Integer hardMaxChars) {}

  record PassagePart(Integer minWords, Integer maxWords, Double repeatShare, Integer repeatMinWords, Integer maxChars) {}

  record LimitsPart(Integer maxDocumentBytes, Integer maxHtmlElements, Integer maxReasons) {}

  record BoilerplateFile(RuleSet drop, @JsonProperty("setAside") RuleSet setAside) {}

  record RuleSet(List<LineEntry> lines, List<SectionEntry> sections) {}

  record LineEntry(String pattern, String why, String tag) {}

  record SectionEntry(String heading, String until, String why, String tag) {}

  record TagsFile(List<GroupEntry> groups) {}

  record GroupEntry(String id, String label, InheritEntry inherit, List<TagEntry> tags) {}

  record InheritEntry(Double share) {}

  record TagEntry(
      String id, String label, List<String> words, List<String> acronyms, List<String> brands, List<String> implies) {}

  record RankingFile(
      Bm25Part bm25,
      FieldsPart fields,
      SynonymsPart synonyms,
      PhrasePart phrase,
      TagsPart tags,
      ResultsPart results,
      SpellingPart spelling,
      SnippetPart snippet,
      QueryPart query,
      CoveragePart coverage) {}

  record SynonymsPart(Float weight) {}

  record PhrasePart(Float weight, Integer slop) {}

  record TagsPart(Float weight, Float impliedWeight) {}

  record ResultsPart(Float sameSourceDecay, Float duplicateOverlap, Integer window, Float headingStubFactor) {}

  record SpellingPart(Integer maxEdits, Integer minLength) {}

  record Bm25Part(Float k1, Float b) {}

  record FieldsPart(Float text, Float headings, Float title, Boolean combined) {}

  record SnippetPart(Integer maxPassages, Integer maxLength) {}

  record QueryPart(Integer maxLength, Integer timeLimitMillis, Integer cacheEntries) {}

  record CoveragePart(Float missingName, Float classShare, Float missingOther) {}
}
