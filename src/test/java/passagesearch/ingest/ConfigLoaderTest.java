package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.config.ConfigException;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.config.SplitSettings;
import passagesearch.config.TagGroup;

/** Kept with the ingest tests (the ingest room is what consumes index-config/), so they run together. */
class ConfigLoaderTest {
  private static final Path REAL = TestSupport.config();

  @TempDir Path dir;

  @BeforeEach
  void copyRealConfig() {
    TestSupport.copyFiles(REAL, dir);
  }

  /** Replaces text in a copied file, failing if the text is not there (so the test cannot pass idly). */
  private void edit(String file, String from, String to) throws IOException {
    Path path = dir.resolve(file);
    String text = Files.readString(path);
    assertTrue(text.contains(from), file + " no longer contains: " + from);
    Files.writeString(path, text.replace(from, to));
  }

  /** Puts a copied file back as it is in the real configuration. */
  private void restore(String file) throws IOException {
    Files.copy(REAL.resolve(file), dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private ConfigException loadFails() {
    return assertThrows(ConfigException.class, () -> new ConfigLoader().load(dir));
  }

  @Test
  void realConfigLoads() {
    IndexConfig c = new ConfigLoader().load(REAL);
    assertEquals(SplitSettings.defaults(), c.split());
    assertEquals(1.6f, c.ranking().k1());
    assertEquals(0.6f, c.ranking().b());
    assertTrue(c.vocabulary().synonymRules().contains("imatinib, Gleevec, Glivec"), "drug brands become synonyms");
    assertEquals("leukemia", c.vocabulary().spellings().get("leukaemia"));
    assertTrue(c.vocabulary().gluedWords().contains("revumenib"));
    assertTrue(c.vocabulary().questionWords().contains("what"));
    assertEquals(
        List.of("disease", "treatment", "phase", "topic", "drug", "set-aside"),
        c.tags().groups().stream().map(TagGroup::id).toList());
    assertEquals(Set.of("disclaimer", "references", "reviewer-notes"), c.tags().setAsideTags());
    // The folder's hash, and the semantic settings that shape an index: on, with this model.
    assertTrue(c.fingerprint().matches("[0-9a-f]{16}\\+semantic:bge-small-en-v1\\.5"), c.fingerprint());
    assertTrue(c.semantic().enabled());
    assertEquals(c.fingerprint().substring(0, 16),
        c.withSemantic(c.semantic().withEnabled(false)).fingerprint(), "off: the fingerprint an index had before");
    assertEquals(c.fingerprint(), c.withSemantic(c.semantic().withWeight(0.9f)).fingerprint(),
        "the fusion weight is read when searching: no rebuild");
  }

  @Test
  void realBoilerplateRulesAreAllRead() {
    var rules = new ConfigLoader().load(REAL).boilerplate();
    assertEquals(13, rules.dropLines().size());
    assertEquals(5, rules.dropSections().size());
    assertEquals(2, rules.asideLines().size());
    assertEquals(3, rules.asideSections().size());
  }

  @Test
  void copiedConfigLoadsWithTheSameFingerprint() {
    assertEquals(new ConfigLoader().load(REAL).fingerprint(), new ConfigLoader().load(dir).fingerprint());
  }

  @Test
  void fingerprintChangesWhenAFileThatShapesTheIndexChanges() throws IOException {
    String before = new ConfigLoader().load(dir).fingerprint();
    edit("spelling.txt", "tumour tumor", "tumour tumor\nfavourite favorite");
    assertNotEquals(before, new ConfigLoader().load(dir).fingerprint());
  }

  @Test
  void queryTimeFilesDoNotMakeTheIndexStale() throws IOException {
    String before = new ConfigLoader().load(dir).fingerprint();
    edit("ranking.yaml", "k1: 1.6", "k1: 1.3");
    edit("synonyms.txt", "chemotherapy, chemo", "chemotherapy, chemo, cytotoxic treatment");
    assertEquals(before, new ConfigLoader().load(dir).fingerprint());
    assertEquals(1.3f, new ConfigLoader().load(dir).ranking().k1());
  }

  @Test
  void invalidRegexNamesTheFileAndTheRule() throws IOException {
    edit("boilerplate.yaml", "'^Translate$'", "'^Translate($'");
    ConfigException e = loadFails();
    assertTrue(e.getMessage().startsWith("boilerplate.yaml: drop.lines[0]: "), e.getMessage());
    assertTrue(e.getMessage().contains("not a valid regular expression"), e.getMessage());
  }

  @Test
  void invalidSectionRegexNamesTheSectionRule() throws IOException {
    edit("boilerplate.yaml", "'^Reviewers$'", "'^Reviewers[$'");
    ConfigException e = loadFails();
    assertTrue(e.getMessage().startsWith("boilerplate.yaml: setAside.sections[2].heading: "), e.getMessage());
  }

  @Test
  void keptQueryVectorsAreBoundedAndMayBeNone() throws IOException {
    assertEquals(1024, new ConfigLoader().load(REAL).semantic().keptQueries());
    edit("semantic.yaml", "keptQueries: 1024", "keptQueries: 0");
    assertEquals(0, new ConfigLoader().load(dir).semantic().keptQueries());
    edit("semantic.yaml", "keptQueries: 0", "keptQueries: 100000");
    assertEquals("semantic.yaml: keptQueries must be from 0 to 4096", loadFails().getMessage());
  }

  @Test
  void unknownKeyInRankingFails() throws IOException {
    edit("ranking.yaml", "  k1: 1.6", "  k1: 1.6\n  k3: 0.5");
    ConfigException e = loadFails();
    assertTrue(e.getMessage().startsWith("ranking.yaml: "), e.getMessage());
    assertTrue(e.getMessage().contains("k3"), e.getMessage());
  }

  @Test
  void anUnknownKeyIsNamedByItsPathWithTheKeysKnownThere() throws IOException {
    edit("ranking.yaml", "  k1: 1.6", "  k1: 1.6\n  k3: 0.5");
    assertEquals("ranking.yaml: unknown key 'bm25.k3' (known here: b, k1)", loadFails().getMessage());
    restore("ranking.yaml");
    edit("tags.yaml", "{id: aml, label:", "{id: aml, lable:");
    assertEquals("tags.yaml: unknown key 'groups[0].tags[1].lable' (known here: acronyms, brands, id, implies, label, words)",
        loadFails().getMessage());
  }

  @Test
  void aValueOfTheWrongKindIsNamedByItsPath() throws IOException {
    assertWrongKind("ranking.yaml", "  k1: 1.6", "  k1: high", "ranking.yaml: bm25.k1 must be a number");
    assertWrongKind("passages.yaml", "  maxWords: 150", "  maxWords: 150.5", "passages.yaml: passage.maxWords must be a whole number");
    assertWrongKind("tags.yaml", "acronyms: [AML]", "acronyms: AML", "tags.yaml: groups[0].tags[1].acronyms must be a list");
    assertWrongKind("semantic.yaml", "enabled: true", "enabled: maybe", "semantic.yaml: enabled must be true or false");
    assertWrongKind("tags.yaml", "inherit: {share: 0.5}", "inherit: [0.5]", "tags.yaml: groups[0].inherit must be a mapping of keys to values");
  }

  private void assertWrongKind(String file, String from, String to, String message) throws IOException {
    edit(file, from, to);
    assertEquals(message, loadFails().getMessage());
    restore(file);
    new ConfigLoader().load(dir);
  }

  @Test
  void misspeltTopLevelKeyInRankingFails() throws IOException {
    edit("ranking.yaml", "snippet:", "snipet:");
    ConfigException e = loadFails();
    assertTrue(e.getMessage().contains("snipet"), e.getMessage());
  }

  @Test
  void tagImplyingAnUnknownTagFails() throws IOException {
    edit("tags.yaml", "[Gleevec, Glivec], implies: [targeted-therapy]", "[Gleevec, Glivec], implies: [targeted]");
    ConfigException e = loadFails();
    assertEquals("tags.yaml: tag 'imatinib' implies unknown tag 'targeted'", e.getMessage());
  }

  @Test
  void setAsideRuleWithAContentTagFails() throws IOException {
    edit("boilerplate.yaml", "'^Medical disclaimer:', tag: disclaimer}", "'^Medical disclaimer:', tag: chemotherapy}");
    ConfigException e = loadFails();
    assertTrue(e.getMessage().startsWith("boilerplate.yaml: "), e.getMessage());
    assertTrue(e.getMessage().contains("'chemotherapy'"), e.getMessage());
    assertTrue(e.getMessage().contains("set-aside"), e.getMessage());
  }

  @Test
  void setAsideSectionWithAnUnknownTagFails() throws IOException {
    edit("boilerplate.yaml", "'^Reviewers$', tag: reviewer-notes}", "'^Reviewers$', tag: reviewers}");
    ConfigException e = loadFails();
    assertTrue(e.getMessage().contains("'reviewers'"), e.getMessage());
  }

  @Test
  void setAsideRuleWithoutATagFails() throws IOException {
    edit("boilerplate.yaml", "{heading: '^Reviewers$', tag: reviewer-notes}", "{heading: '^Reviewers$'}");
    ConfigException e = loadFails();
    assertEquals("boilerplate.yaml: setAside.sections[2]: a set-aside rule needs a tag", e.getMessage());
  }

  @Test
  void missingFileIsNamed() throws IOException {
    Files.delete(dir.resolve("tags.yaml"));
    ConfigException e = loadFails();
    assertTrue(e.getMessage().contains("tags.yaml"), e.getMessage());
  }

  @Test
  void diseasesPassFromADocumentToItsPassagesAndOtherGroupsDoNot() {
    IndexConfig c = new ConfigLoader().load(REAL);
    assertEquals(0.5, c.tags().groups().get(0).inherit().share());
    assertEquals(null, c.tags().groups().get(1).inherit());
  }

  @Test
  void anInheritedShareOfAllPassagesOrMoreFails() throws IOException {
    edit("tags.yaml", "inherit: {share: 0.5}", "inherit: {share: 1.0}");
    assertEquals("tags.yaml: inherit.share must be at least 0 and below 1", loadFails().getMessage());
    edit("tags.yaml", "inherit: {share: 1.0}", "inherit: {}");
    assertEquals("tags.yaml: group 'disease': inherit needs a share", loadFails().getMessage());
  }

  @Test
  void headingStubsAreMarkedByPassagesYamlAndScoredDownByRankingYaml() throws IOException {
    IndexConfig c = new ConfigLoader().load(REAL);
    assertEquals(new passagesearch.config.HeadingStubRule(25, 3), c.stubs());
    assertEquals(0.75f, c.ranking().headingStubFactor());
    edit("ranking.yaml", "headingStubFactor: 0.75", "headingStubFactor: 0");
    assertEquals("ranking.yaml: results.headingStubFactor must be in (0, 1]", loadFails().getMessage());
  }
}
