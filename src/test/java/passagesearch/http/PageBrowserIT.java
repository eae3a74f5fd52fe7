package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import passagesearch.TestSupport;
import passagesearch.search.SearchService;

/**
 * The search page in a real headless Chromium, against a real server over a real index of the seed corpus.
 * Needs the Debian packages {@code chromium} and {@code chromium-driver}; nothing is downloaded at test time.
 * Without them the tests are skipped, saying so; with {@code -Dbrowser.required=true} (CI) they fail.
 */
class PageBrowserIT {
  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = TestSupport.root().resolve("target/screenshots");

  @TempDir static Path indexDir;
  @TempDir static Path profileDir;
  static SearchService search;
  static WebServer server;
  static ChromeDriverService driverService;
  static WebDriver driver;
  static WebDriverWait wait;
  /** Why the tests are skipped: no Chromium here, and it is not required. */
  static String skipped;

  @BeforeAll
  static void start() {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      String missing = "PageBrowserIT needs a local Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
          + "; install them with: apt-get update && apt-get install -y chromium chromium-driver";
      // CI (.ci/run) sets browser.required: there a missing browser is a failure, not a quiet skip.
      if (Boolean.getBoolean("browser.required")) {
        fail(missing + " (browser.required is set)");
      }
      // Each test is then reported as skipped with this reason (an abort here would report none at all).
      skipped = missing + "; skipped";
      System.err.println(skipped);
      return;
    }
    search = TestSupport.seedSearch(indexDir);
    server = WebServer.create(search).start("127.0.0.1", 0);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profileDir.toAbsolutePath());
    driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(driverService, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @BeforeEach
  void needsTheBrowser() {
    Assumptions.assumeTrue(skipped == null, skipped);
  }

  @AfterAll
  static void stop() {
    try {
      if (driver != null) driver.quit();
    } finally {
      if (driverService != null) driverService.stop();
      if (server != null) server.close();
      if (search != null) search.close();
    }
  }

  // ---- helpers ----

  static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  static void open(String pathAndQuery) {
    driver.get(base() + pathAndQuery);
  }

  static WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  /** Waits until the status line reports a finished search for these words and returns its text. */
  static String waitForResults(String words) {
    wait.until(d -> {
      String s = d.findElement(By.id("status")).getText();
      return s.contains("“" + words + "”") && (s.contains("match") || s.contains("No passages"));
    });
    return byId("status").getText();
  }

  static int total(String status) {
    Matcher m = Pattern.compile("^(\\d+) passages? match").matcher(status);
    assertTrue(m.find(), "status reports a count: " + status);
    return Integer.parseInt(m.group(1));
  }

  static List<WebElement> hits() {
    return driver.findElements(By.cssSelector("#results > li.hit"));
  }

  static void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String query() {
    return (String) ((JavascriptExecutor) driver).executeScript("return location.search;");
  }

  static void assertNoAlert() {
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "no alert may open");
  }

  // ---- tests ----

  @Test
  void searchShowsHighlightedSnippetsWithAttributionAndMoreResults() {
    open("/?q=blinatumomab+side+effects");
    int total = total(waitForResults("blinatumomab side effects"));
    assertTrue(total > 10, "enough hits to page: " + total);
    assertEquals(10, hits().size());
    assertTrue(byId("notice").isDisplayed(), "the not-medical-advice note is always visible");
    assertTrue(byId("notice").getText().contains("not medical advice"));

    WebElement hit = driver.findElement(By.cssSelector("#results li[data-id='knowall-all-treatment/11']"));
    List<WebElement> marks = hit.findElements(By.cssSelector(".snippet mark"));
    assertFalse(marks.isEmpty(), "snippet has highlighted words");
    assertTrue(marks.stream().anyMatch(m -> m.getText().equalsIgnoreCase("blinatumomab")));
    assertEquals("Know ALL", hit.findElement(By.cssSelector(".source .publisher")).getText());
    assertEquals("Treatment", hit.findElement(By.cssSelector(".source .title")).getText());
    assertEquals("Blinatumomab", hit.findElement(By.cssSelector(".source .section")).getText());
    assertTrue(hit.findElement(By.cssSelector(".source .date")).getText().contains("2025-03-20"));
    WebElement macmillan = driver.findElement(By.cssSelector("#results li[data-id='macmillan-all-treatment/16']"));
    assertEquals("Review date passed: 2025-03-01. This page may be out of date.",
        macmillan.findElement(By.cssSelector(".review-passed")).getText());
    assertTrue(hit.findElements(By.cssSelector(".review-passed")).isEmpty(), "no note without a next review date");
    screenshot("results");

    WebElement more = byId("more");
    assertTrue(more.isDisplayed(), "More results button");
    more.click();
    wait.until(d -> hits().size() > 10);
    assertEquals(Math.min(total, 20), hits().size());
    assertTrue(byId("status").getText().contains("Showing " + hits().size()));
  }

  @Test
  void aTagFilterNarrowsResultsAndIsARemovableChip() {
    open("/?q=blinatumomab+side+effects");
    int before = total(waitForResults("blinatumomab side effects"));
    assertTrue(driver.findElements(By.cssSelector("#chips .chip")).isEmpty());

    WebElement facet = driver.findElement(By.cssSelector("#facet-groups button.facet[data-tag='immunotherapy']"));
    assertTrue(facet.getText().matches("(?s).*Immunotherapy.*\\d+.*"), "facet shows label and count: " + facet.getText());
    facet.click();
    wait.until(d -> d.findElement(By.id("status")).getText().contains("with filter Immunotherapy"));
    int after = total(byId("status").getText());
    assertTrue(after < before, "filter narrows: " + after + " < " + before);
    assertTrue(query().contains("tag=immunotherapy"), query());
    WebElement chip = driver.findElement(By.cssSelector("#chips .chip[data-tag='immunotherapy']"));
    assertTrue(chip.getText().contains("Immunotherapy"));
    assertEquals("Remove filter: Immunotherapy", chip.getAttribute("aria-label"));
    screenshot("filtered");

    chip.click();
    wait.until(d -> {
      String s = d.findElement(By.id("status")).getText();
      return s.contains("match") && !s.contains("with filter");
    });
    assertEquals(before, total(byId("status").getText()));
    assertTrue(driver.findElements(By.cssSelector("#chips .chip")).isEmpty());
    assertFalse(query().contains("tag="), query());
  }

  @Test
  void aCorrectedQuerySaysWhatWasSearched() {
    open("/?q=imatanib");
    waitForResults("imatinib");
    WebElement correction = byId("correction");
    assertTrue(correction.isDisplayed());
    assertTrue(correction.getText().contains("Showing results for imatinib"), correction.getText());
    WebElement original = correction.findElement(By.cssSelector("a.original"));
    assertTrue(original.getText().contains("imatanib"));
    assertTrue(original.getAttribute("href").contains("q=imatanib"));
    assertFalse(hits().isEmpty());
  }

  @Test
  void zeroResultsExplainWhatToTry() {
    open("/?q=zzzqqq");
    String status = waitForResults("zzzqqq");
    assertTrue(status.startsWith("No passages match"), status);
    WebElement empty = byId("empty");
    assertTrue(empty.isDisplayed(), "zero-results help is shown, not a blank area");
    assertTrue(empty.getText().contains("fewer words"), empty.getText());
    assertTrue(hits().isEmpty());
    screenshot("zero-results");
  }

  @Test
  void anApiErrorIsShownInPlainWords() {
    open("/?q=blinatumomab&tag=no-such-tag");
    wait.until(d -> d.findElement(By.id("status")).getText().startsWith("The search could not be done"));
    assertTrue(byId("status").getText().contains("unknown tag 'no-such-tag'"), byId("status").getText());
    assertTrue(hits().isEmpty());
    assertTrue(byId("q").isEnabled(), "the page still works");
  }

  @Test
  void aPassageOpensInContextAndPreviousNextReadOn() {
    open("/?q=blinatumomab");
    waitForResults("blinatumomab");
    WebElement read = driver.findElement(By.cssSelector("#results li[data-id='knowall-all-treatment/11'] button.read"));
    read.click();
    WebElement reader = byId("reader");
    wait.until(d -> "knowall-all-treatment/11".equals(reader.getAttribute("data-id")));
    WebElement passage = reader.findElement(By.cssSelector("mark.passage"));
    assertTrue(passage.getText().startsWith("Blinatumomab is a special antibody"), passage.getText());
    assertFalse(reader.findElement(By.cssSelector(".context .before")).getText().isBlank(), "text before is shown");
    assertEquals("reader-title", driver.switchTo().activeElement().getAttribute("id"), "focus moves to the passage");
    assertEquals("true", read.getAttribute("aria-expanded"));
    screenshot("passage-open");

    String first = passage.getText();
    byId("reader-next").click();
    wait.until(d -> "knowall-all-treatment/12".equals(reader.getAttribute("data-id")));
    String second = reader.findElement(By.cssSelector("mark.passage")).getText();
    assertNotEquals(first, second);
    assertFalse(second.isBlank());
    assertTrue(byId("reader-prev").isEnabled(), "Previous leads back");

    byId("reader-prev").click();
    wait.until(d -> "knowall-all-treatment/11".equals(reader.getAttribute("data-id")));
    assertEquals(first, reader.findElement(By.cssSelector("mark.passage")).getText());

    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    wait.until(ExpectedConditions.invisibilityOf(reader));
    assertEquals(read, driver.switchTo().activeElement(), "focus returns to the button that opened it");
  }

  @Test
  void theUrlCarriesTheSearchAndBackForwardRestoreIt() {
    open("/?q=blinatumomab");
    waitForResults("blinatumomab");
    assertFalse(hits().isEmpty());
    assertEquals("blinatumomab", byId("q").getAttribute("value"));

    WebElement box = byId("q");
    box.clear();
    box.sendKeys("imatinib");
    driver.findElement(By.cssSelector("#search button[type=submit]")).click();
    waitForResults("imatinib");
    assertEquals("?q=imatinib", query());

    driver.navigate().back();
    waitForResults("blinatumomab");
    assertEquals("blinatumomab", byId("q").getAttribute("value"));
    assertEquals("?q=blinatumomab", query());

    driver.navigate().forward();
    waitForResults("imatinib");
    assertEquals("imatinib", byId("q").getAttribute("value"));
  }

  @Test
  void keyboardOnlySuggestionsAndSearch() {
    open("/");
    for (int i = 0; i < 6 && !"q".equals(driver.switchTo().activeElement().getAttribute("id")); i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    WebElement box = byId("q");
    assertEquals(box, driver.switchTo().activeElement(), "Tab reaches the search box");
    new Actions(driver).sendKeys("blin").perform();
    wait.until(d -> "true".equals(box.getAttribute("aria-expanded")));
    List<WebElement> options = driver.findElements(By.cssSelector("#suggestions [role=option]"));
    assertFalse(options.isEmpty());
    assertEquals("listbox", byId("suggestions").getAttribute("role"));

    new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
    wait.until(d -> "suggestion-0".equals(box.getAttribute("aria-activedescendant")));
    WebElement chosen = byId("suggestion-0");
    assertEquals("true", chosen.getAttribute("aria-selected"));
    String text = chosen.findElement(By.cssSelector("span")).getText();
    assertTrue(text.toLowerCase().startsWith("blin"), text);

    new Actions(driver).sendKeys(Keys.ENTER).perform();
    waitForResults(text);
    assertFalse(hits().isEmpty());
    assertEquals("false", box.getAttribute("aria-expanded"));
    assertTrue(query().contains("q=" + text), query());

    // Escape closes the list without searching.
    new Actions(driver).sendKeys(Keys.END, "x").perform();
    new Actions(driver).sendKeys(Keys.BACK_SPACE).perform();
    wait.until(d -> "true".equals(box.getAttribute("aria-expanded")));
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    wait.until(d -> "false".equals(box.getAttribute("aria-expanded")));
    assertTrue(driver.findElements(By.cssSelector("#suggestions [role=option]")).isEmpty());
  }

  @Test
  void markupInTheCorpusIsShownAsTextAndNeverRuns(@TempDir Path dir) {
    Path corpus = dir.resolve("corpus");
    TestSupport.write(corpus.resolve("hostile.txt"), "Hostile page\n\nImatinib <script>alert(1)</script> and "
        + "<img src=x onerror=alert(2)> are written here as text, with enough other words to make a passage.\n");
    try (SearchService hostile = TestSupport.searchService(corpus, dir.resolve("index"));
        WebServer hostileServer = WebServer.create(hostile).start("127.0.0.1", 0)) {
      driver.get("http://127.0.0.1:" + hostileServer.port() + "/?q=imatinib+alert");
      waitForResults("imatinib alert");
      String shown = byId("results").getText();
      assertTrue(shown.contains("<script>alert(1)</script>"), shown);
      assertTrue(shown.contains("<img src=x onerror=alert(2)>"), shown);
      assertTrue(driver.findElements(By.cssSelector("#results img, #results script")).isEmpty());
      assertTrue(driver.findElements(By.tagName("img")).isEmpty(), "no img element anywhere");
      assertNoAlert();

      driver.findElement(By.cssSelector("#results li.hit button.read")).click();
      WebElement passage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader mark.passage")));
      assertTrue(passage.getText().contains("<img src=x onerror=alert(2)>"), passage.getText());
      assertTrue(driver.findElements(By.tagName("img")).isEmpty(), "no img element anywhere");
      assertNoAlert();
    }
  }

  @Test
  void measuresTheTimeFromTheApiAnsweringToResultsPainted() {
    open("/?q=" + java.net.URLEncoder.encode("stem cell transplant", java.nio.charset.StandardCharsets.UTF_8));
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d ->
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
            "return performance.getEntriesByName('results-paint').length") instanceof Long n && n > 0);
    Object ms = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "return performance.getEntriesByName('results-paint').pop().duration");
    double paint = ((Number) ms).doubleValue();
    // A measurement, printed for the notes (the target is 100 ms); not a timing assertion.
    System.out.printf("page: results painted %.1f ms after the API answered%n", paint);
    assertTrue(paint >= 0);
  }
}
