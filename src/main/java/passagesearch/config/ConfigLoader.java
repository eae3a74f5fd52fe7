package passagesearch.config;

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

  private static final String[] RANKING_KEYS = {
      "bm25", "fields", "synonyms", "phrase", "tags", "results", "spelling", "snippet", "query", "coverage"};

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /** Loads the configuration, with the ranking profile from another file when one is given. */
  public IndexConfig load(Path dir, Path rankingProfile) {
    IndexConfig config = load(dir);
    if (rankingProfile == null) {
      return config;
    }
    if (!Files.isRegularFile(rankingProfile)) {
      throw new ConfigException("ranking profile not found: " + rankingProfile);
    }
    Path folder = rankingProfile.getParent() == null ? Path.of(".") : rankingProfile.getParent();
    return config.withRanking(ranking(read(folder, rankingProfile.getFileName().toString(), RANKING_KEYS)));
  }

  public IndexConfig load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("index configuration folder not found: " + dir);
    }
    ConfigMap passages = read(dir, "passages.yaml", "heading", "passage", "stub", "limits");
    SplitSettings split = split(passages);
    IngestLimits limits = limits(passages.mapOrNull("limits", "maxDocumentBytes", "maxHtmlElements", "maxReasons"));
    BoilerplateRules rules = boilerplate(read(dir, "boilerplate.yaml", "drop", "setAside"));
    TagVocabulary tags = tags(read(dir, "tags.yaml", "groups"));
    RankingSettings ranking = ranking(read(dir, "ranking.yaml", RANKING_KEYS));
    Vocabulary vocabulary = vocabulary(dir, tags);
    for (String tag : rules.asideLines().stream().map(LineRule::tag).toList()) {
      requireSetAside(tags, tag);
    }
    for (String tag : rules.asideSections().stream().map(SectionRule::tag).toList()) {
      requireSetAside(tags, tag);
    }
    SemanticSettings semantic = Files.isRegularFile(dir.resolve("semantic.yaml"))
        ? semantic(read(dir, "semantic.yaml", "enabled", "model", "fusion", "keptQueries"))
        : SemanticSettings.off();
    return new IndexConfig(split, stubs(passages.mapOrNull("stub", "maxWords", "minHeadingWords")), limits, rules, tags,
        vocabulary, ranking, semantic, IndexConfig.fingerprintWith(Fingerprints.ofFolder(dir, QUERY_TIME_FILES), semantic));
  }

  private static void requireSetAside(TagVocabulary tags, String tag) {
    if (!tags.setAsideTags().contains(tag)) {
      throw new ConfigException(
          "boilerplate.yaml: set-aside tag '" + tag + "' is not in the '" + TagVocabulary.SET_ASIDE_GROUP
              + "' group of tags.yaml");
    }
  }

  /** A file's top-level mapping, which may hold these keys. */
  private ConfigMap read(Path dir, String name, String... keys) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("index configuration file missing: " + file);
    }
    try {
      return ConfigMap.root(name, yaml.readTree(file.toFile()), keys);
    } catch (IOException e) {
      throw new ConfigException(name + ": " + e.getMessage().lines().findFirst().orElse("unreadable"), e);
    }
  }

  private static SplitSettings split(ConfigMap f) {
    SplitSettings d = SplitSettings.defaults();
    ConfigMap h = f.map("heading", "maxWords", "maxChars", "sentenceEndings", "hardMaxChars");
    ConfigMap p = f.map("passage", "minWords", "maxWords", "repeatShare", "repeatMinWords", "maxChars");
    return new SplitSettings(
        or(h.integer("maxWords"), d.headingMaxWords()),
        or(h.integer("maxChars"), d.headingMaxChars()),
        or(h.text("sentenceEndings"), d.sentenceEndings()),
        or(p.integer("minWords"), d.minWords()),
        or(p.integer("maxWords"), d.maxWords()),
        or(p.decimal("repeatShare"), d.repeatShare()),
        or(p.integer("repeatMinWords"), d.repeatMinWords()),
        or(h.integer("hardMaxChars"), d.headingHardMaxChars()),
        or(p.integer("maxChars"), d.passageMaxChars()));
  }

  private static HeadingStubRule stubs(ConfigMap st) {
    HeadingStubRule d = HeadingStubRule.none();
    return st == null ? d
        : new HeadingStubRule(or(st.integer("maxWords"), d.maxWords()), or(st.integer("minHeadingWords"), d.minHeadingWords()));
  }

  private static IngestLimits limits(ConfigMap l) {
    IngestLimits d = IngestLimits.defaults();
    if (l == null) {
      return d;
    }
    return new IngestLimits(or(l.integer("maxDocumentBytes"), d.maxDocumentBytes()),
        or(l.integer("maxHtmlElements"), d.maxHtmlElements()), or(l.integer("maxReasons"), d.maxReasons()));
  }

  private static BoilerplateRules boilerplate(ConfigMap f) {
    ConfigMap drop = f.map("drop", "lines", "sections");
    ConfigMap aside = f.map("setAside", "lines", "sections");
    return new BoilerplateRules(
        lines(drop, "drop", false),
        sections(drop, "drop", false),
        lines(aside, "setAside", true),
        sections(aside, "setAside", true));
  }

  private static List<LineRule> lines(ConfigMap set, String where, boolean needsTag) {
    List<LineRule> rules = new ArrayList<>();
    List<ConfigMap> entries = set.maps("lines", "pattern", "why", "tag");
    for (int i = 0; i < entries.size(); i++) {
      ConfigMap e = entries.get(i);
      String at = "boilerplate.yaml: " + where + ".lines[" + i + "]";
      checkTag(e.text("tag"), needsTag, at);
      rules.add(new LineRule(compile(e.text("pattern"), INSENSITIVE, at), e.text("why"), e.text("tag")));
    }
    return rules;
  }

  private static List<SectionRule> sections(ConfigMap set, String where, boolean needsTag) {
    List<SectionRule> rules = new ArrayList<>();
    List<ConfigMap> entries = set.maps("sections", "heading", "until", "why", "tag");
    for (int i = 0; i < entries.size(); i++) {
      ConfigMap e = entries.get(i);
      String at = "boilerplate.yaml: " + where + ".sections[" + i + "]";
      checkTag(e.text("tag"), needsTag, at);
      String untilText = e.text("until");
      boolean toEnd = "END".equals(untilText);
      Pattern until = untilText == null || toEnd ? null : compile(untilText, INSENSITIVE, at + ".until");
      rules.add(new SectionRule(compile(e.text("heading"), INSENSITIVE, at + ".heading"), until, toEnd, e.text("why"),
          e.text("tag")));
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

  private static TagVocabulary tags(ConfigMap f) {
    List<TagGroup> groups = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ConfigMap g : f.maps("groups", "id", "label", "inherit", "tags")) {
      String groupId = g.text("id");
      require(groupId, "tags.yaml: a group has no id");
      List<TagDefinition> defs = new ArrayList<>();
      for (ConfigMap t : g.maps("tags", "id", "label", "words", "acronyms", "brands", "implies")) {
        String id = t.text("id");
        String at = "tags.yaml: group '" + groupId + "', tag '" + id + "'";
        require(id, "tags.yaml: a tag in group '" + groupId + "' has no id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
          throw new ConfigException(at + ": ids are lower-case letters, digits and hyphens");
        }
        if (!ids.add(id)) {
          throw new ConfigException(at + ": the id is used twice");
        }
        List<Pattern> patterns = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String w : t.texts("words")) {
          patterns.add(compile(WORD_START + "(?:" + w + ")", INSENSITIVE, at + " word '" + w + "'"));
          prefixes.add(RegexLiterals.prefix(w));
        }
        List<String> brands = t.texts("brands");
        for (String b : brands) {
          patterns.add(compile(WORD_START + Pattern.quote(b) + WORD_END, INSENSITIVE, at + " brand"));
          prefixes.add(RegexLiterals.prefix(b));
        }
        List<String> acronyms = t.texts("acronyms");
        for (String a : acronyms) {
          patterns.add(compile(WORD_START + Pattern.quote(a) + WORD_END, 0, at + " acronym"));
          prefixes.add(RegexLiterals.prefix(a));
        }
        defs.add(new TagDefinition(id, or(t.text("label"), id), groupId, patterns, brands, acronyms, t.texts("implies"),
            prefixes));
      }
      TagInheritance inherit = null;
      ConfigMap inheritEntry = g.mapOrNull("inherit", "share");
      if (inheritEntry != null) {
        Double share = inheritEntry.decimal("share");
        ConfigException.check(share != null, "tags.yaml: group '" + groupId + "': inherit needs a share");
        ConfigException.check(!groupId.equals(TagVocabulary.SET_ASIDE_GROUP),
            "tags.yaml: set-aside tags come only from the chrome rules; the group cannot be inherited");
        inherit = new TagInheritance(share);
      }
      groups.add(new TagGroup(groupId, or(g.text("label"), groupId), defs, inherit));
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

  private static SemanticSettings semantic(ConfigMap f) {
    SemanticSettings d = SemanticSettings.off();
    ConfigMap fu = f.map("fusion", "weight", "candidates", "minSimilarity", "fullWeightWords");
    return new SemanticSettings(or(f.bool("enabled"), d.enabled()), or(f.text("model"), d.model()),
        or(fu.number("weight"), d.weight()), or(fu.integer("candidates"), d.candidates()),
        or(fu.number("minSimilarity"), d.minSimilarity()), or(fu.integer("fullWeightWords"), d.fullWeightWords()),
        or(f.integer("keptQueries"), d.keptQueries()));
  }

  private static RankingSettings ranking(ConfigMap f) {
    RankingSettings d = RankingSettings.defaults();
    ConfigMap bm = f.map("bm25", "k1", "b");
    ConfigMap fp = f.map("fields", "text", "headings", "title", "combined");
    ConfigMap syn = f.map("synonyms", "weight");
    ConfigMap ph = f.map("phrase", "weight", "slop");
    ConfigMap tp = f.map("tags", "weight", "impliedWeight");
    ConfigMap rp = f.map("results", "sameSourceDecay", "duplicateOverlap", "window", "headingStubFactor");
    ConfigMap spl = f.map("spelling", "maxEdits", "minLength");
    ConfigMap sp = f.map("snippet", "maxPassages", "maxLength");
    ConfigMap qp = f.map("query", "maxLength", "timeLimitMillis", "cacheEntries");
    ConfigMap cp = f.map("coverage", "missingName", "classShare", "missingOther");
    CoverageSettings dc = d.coverage();
    return new RankingSettings(
        or(bm.number("k1"), d.k1()),
        or(bm.number("b"), d.b()),
        or(fp.number("text"), d.textWeight()),
        or(fp.number("headings"), d.headingsWeight()),
        or(fp.number("title"), d.titleWeight()),
        or(fp.bool("combined"), d.combinedFields()),
        or(syn.number("weight"), d.synonymWeight()),
        or(ph.number("weight"), d.phraseWeight()),
        or(ph.integer("slop"), d.phraseSlop()),
        or(tp.number("weight"), d.tagWeight()),
        or(tp.number("impliedWeight"), d.impliedTagWeight()),
        or(rp.number("sameSourceDecay"), d.sameSourceDecay()),
        or(rp.number("duplicateOverlap"), d.duplicateOverlap()),
        or(rp.integer("window"), d.window()),
        or(rp.number("headingStubFactor"), d.headingStubFactor()),
        or(spl.integer("maxEdits"), d.correctionMaxEdits()),
        or(spl.integer("minLength"), d.correctionMinLength()),
        or(sp.integer("maxPassages"), d.snippetPassages()),
        or(sp.integer("maxLength"), d.snippetMaxLength()),
        or(qp.integer("maxLength"), d.maxQueryLength()),
        or(qp.integer("timeLimitMillis"), d.timeLimitMillis()),
        or(qp.integer("cacheEntries"), d.cacheEntries()),
        new CoverageSettings(or(cp.number("missingName"), dc.missingName()), or(cp.number("classShare"), dc.classShare()),
            or(cp.number("missingOther"), dc.missingOther())));
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

  private static double or(Double value, double fallback) {
    return value == null ? fallback : value;
  }

  private static String or(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
