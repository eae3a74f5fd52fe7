package passagesearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import passagesearch.TestSupport;

/**
 * The axe-core accessibility audit, run in the page under test. axe-core comes from the npm registry for
 * the tests only: {@code src/test/browser/package.json} (and its lock) pins it, {@code npm ci} installs it
 * into {@code target/browser-tests/} (.ci/run does that first; the tests do it when it is missing), and the
 * script is handed to the browser by the WebDriver. The product never serves or ships it.
 */
final class Axe {
  static final Path PACKAGE = TestSupport.root().resolve("src/test/browser");
  static final Path INSTALLED = TestSupport.root().resolve("target/browser-tests");
  static final Path SCRIPT = INSTALLED.resolve("node_modules/axe-core/axe.min.js");

  /** One finding: a rule broken, how badly, and where (CSS selectors of the first few elements). */
  record Violation(String rule, String impact, int elements, List<String> where) {
    boolean serious() {
      return impact.equals("serious") || impact.equals("critical");
    }

    @Override
    public String toString() {
      return rule + " (" + impact + ", " + elements + (elements == 1 ? " element" : " elements") + ": "
          + String.join(", ", where) + ")";
    }
  }

  private final String script;

  private Axe(String script) {
    this.script = script;
  }

  /** The installed axe-core, installing it with npm when it is missing; throws saying why it cannot. */
  static Axe load() {
    if (!Files.isRegularFile(SCRIPT)) {
      install();
    }
    try {
      return new Axe(Files.readString(SCRIPT, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void install() {
    try {
      Files.createDirectories(INSTALLED);
      for (String f : new String[] {"package.json", "package-lock.json"}) {
        Files.copy(PACKAGE.resolve(f), INSTALLED.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
          .directory(INSTALLED.toFile())
          .redirectErrorStream(true)
          .redirectOutput(INSTALLED.resolve("npm.log").toFile())
          .start();
      if (!npm.waitFor(3, TimeUnit.MINUTES)) {
        npm.destroyForcibly();
        throw new IllegalStateException("npm ci of axe-core took over 3 minutes (" + INSTALLED.resolve("npm.log") + ")");
      }
      if (npm.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
        throw new IllegalStateException("npm ci of axe-core failed, exit " + npm.exitValue() + ": "
            + Files.readString(INSTALLED.resolve("npm.log")).strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("axe-core is not installed at " + SCRIPT + " and npm could not be run ("
          + e.getMessage() + "); install node and npm (apt-get install -y npm)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing axe-core", e);
    }
  }

  /**
   * Audits the page as it is now, every rule on (the experimental ones too, such as
   * label-content-name-mismatch), and returns the violations of every impact.
   */
  List<Violation> audit(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(script + "\n;return true;");
    Object answer = js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const rules = {};
        axe.getRules(['experimental']).forEach(r => { rules[r.ruleId] = { enabled: true }; });
        axe.run(document, { rules: rules, resultTypes: ['violations'] })
          .then(r => done(JSON.stringify(r.violations.map(v => ({
              rule: v.id, impact: v.impact || 'minor', elements: v.nodes.length,
              where: v.nodes.slice(0, 4).map(n => n.target.join(' '))
            })))), e => done(JSON.stringify({ error: String(e) })));
        """);
    try {
      JsonNode found = new ObjectMapper().readTree((String) answer);
      if (found.has("error")) {
        throw new IllegalStateException("axe-core failed in the page: " + found.get("error").asText());
      }
      List<Violation> violations = new ArrayList<>();
      for (JsonNode v : found) {
        List<String> where = new ArrayList<>();
        v.get("where").forEach(w -> where.add(w.asText()));
        violations.add(new Violation(v.get("rule").asText(), v.get("impact").asText(), v.get("elements").asInt(), where));
      }
      return violations;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
