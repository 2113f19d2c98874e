package com.kap.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}, installed by .ci/run), driven
 * through Tasklist as a person would. Screenshots go to target/browser/ for a look after a failure.
 */
public class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("kap.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("kap.chromedriver", "/usr/bin/chromedriver");

  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * Wide enough for Tasklist's header to show KAP's page links side by side, in English and in French; 1,000 pixels
   * high, not 1,800 as before, which cost Chromium about a fifth more CPU time, painting.
   */
  private static final Dimension WINDOW = new Dimension(1400, 1000);

  /**
   * Chromium instances a test closed, ready for the next test of the JVM. Starting Chromium and loading the webapps
   * into an empty cache took 10 s or more on a busy 2-core machine, in every test; a browser handed on keeps its
   * cache (as a person's does) but nothing of the test before: {@link #close()} clears cookies (the login with
   * them) and the site's storage, and leaves the page.
   */
  private static final Deque<Chromium> IDLE = new ArrayDeque<>();
  private static final List<Chromium> STARTED = new ArrayList<>();

  private static final AtomicInteger COUNT = new AtomicInteger();

  /** A Chromium and its name in its user agent ("KapBrowser/n"): {@link RefusedRequests} tells its requests by it. */
  private record Chromium(ChromeDriver driver, Path profile, String name) {
    void quit() {
      try {
        driver.quit();
      } finally {
        try {
          FileSystemUtils.deleteRecursively(profile);
        } catch (IOException notDeleted) {
          // a temporary directory: left behind
        }
      }
    }
  }

  private final Chromium chromium;
  private final ChromeDriver driver;
  private final String baseUrl;

  public Browser(int port) throws IOException {
    Chromium idle;
    synchronized (IDLE) {
      idle = IDLE.poll();
    }
    this.chromium = idle != null ? idle : start();
    this.driver = chromium.driver();
    this.baseUrl = "http://localhost:" + port;
  }

  private static Chromium start() throws IOException {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException("the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
          + ": apt-get install chromium chromium-driver (.ci/run does)");
    }
    ChromeOptions options = new ChromeOptions();
    Path profile = Files.createTempDirectory("kap-chromium");
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    Chromium started;
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      String name = String.valueOf(COUNT.incrementAndGet());
      driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent",
          driver.executeScript("return navigator.userAgent;") + " KapBrowser/" + name));
      started = new Chromium(driver, profile, name);
    } catch (RuntimeException notStarted) {
      FileSystemUtils.deleteRecursively(profile);
      throw notStarted;
    }
    synchronized (IDLE) {
      if (STARTED.isEmpty()) {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitAll, "quit-chromium"));
      }
      STARTED.add(started);
    }
    return started;
  }

  private static void quitAll() {
    synchronized (IDLE) {
      for (Chromium chromium : STARTED) {
        try {
          chromium.quit();
        } catch (RuntimeException alreadyGone) {
          // the JVM ends anyway
        }
      }
      STARTED.clear();
      IDLE.clear();
    }
  }

  /**
   * Logs into Tasklist through its login page: the one the browser shows after the last person logged out, as the
   * next person finds it, else the one Tasklist's address leads to.
   */
  public void logIntoTasklist(String user, String password) {
    if (showsTasklistsLoginPage()) {
      logInOnTheLoginPage(user, password);
    } else {
      logInto("tasklist", user, password);
    }
    awaitTasklist();
  }

  private boolean showsTasklistsLoginPage() {
    return driver.getCurrentUrl().startsWith(baseUrl + "/camunda/app/tasklist/")
        && driver.getCurrentUrl().contains("#/login")
        && driver.findElements(By.cssSelector("input[ng-model='username']")).stream().anyMatch(WebElement::isDisplayed);
  }

  /**
   * Waits for Tasklist's filter list. On a busy machine the app's first load can hang on its spinner; a person
   * would reload the page after a while, and so does this, once.
   */
  private void awaitTasklist() {
    By filters = By.cssSelector(".cam-tasklist-filters, [cam-tasklist-filters], .tasks-list");
    try {
      waitUpTo(Duration.ofSeconds(45)).until(ExpectedConditions.visibilityOfElementLocated(filters));
    } catch (org.openqa.selenium.TimeoutException stillLoading) {
      System.out.println("Browser: Tasklist showed no filters within 45 s at " + driver.getCurrentUrl() + ", kept as "
          + keepThePage() + ": reloaded");
      driver.navigate().refresh();
      find(filters);
    }
  }

  /** Logs into Cockpit or Admin; the app's start page follows. */
  public void logInto(String app, String user, String password) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    logInOnTheLoginPage(user, password);
  }

  /**
   * Logs in on the webapp's login page the browser shows, e.g. where a page of KAP's sent it; where the browser goes
   * next is the caller's to check.
   */
  public void logInOnTheLoginPage(String user, String password) {
    By username = By.cssSelector("input[ng-model='username']");
    try {
      waitUpTo(Duration.ofSeconds(45)).until(ExpectedConditions.visibilityOfElementLocated(username));
    } catch (org.openqa.selenium.TimeoutException stillLoading) {
      System.out.println("Browser: no login page within 45 s at " + driver.getCurrentUrl() + ": reloaded");
      driver.navigate().refresh(); // the app's first load hung on its spinner: reload once, as a person would
    }
    find(username);
    awaitNoPendingRequests();
    refusedRequests(); // before the login, the webapp's "who is logged in?" answers 404: nobody yet
    // the login page puts the focus on the user name once it has drawn itself, which can come after the typing
    // began: the password then went on in the user name field ("gillesdemo"). As a person would, look at both fields
    // before logging in, and type them again where they do not say what was typed
    By secret = By.cssSelector("input[ng-model='password']");
    for (int attempt = 1; ; attempt++) {
      try {
        find(username).clear();
        find(username).sendKeys(user);
        find(secret).clear();
        find(secret).sendKeys(password);
        if (user.equals(find(username).getDomProperty("value"))
            && password.equals(find(secret).getDomProperty("value"))) {
          break;
        }
        if (attempt == 3) {
          throw new AssertionError("the login form did not keep what was typed for " + user + ", three times;"
              + " the page is kept as " + keepThePage());
        }
      } catch (org.openqa.selenium.WebDriverException redrawn) {
        // the page drew the form anew meanwhile ("Node ... does not belong to the document"): type again
        if (attempt == 3) {
          throw redrawn;
        }
      }
    }
    find(By.cssSelector("form button[type='submit']")).click();
  }

  /**
   * Waits until the webapp has no request of its own under way (AngularJS's {@code $http}), as a person sees the
   * page done. Typed the moment the login form showed, a login could race the requests the page was still making
   * (each may start a session and set its cookies) and be lost: Tasklist showed its login page again.
   */
  private void awaitNoPendingRequests() {
    waitUpTo(Duration.ofSeconds(30)).ignoring(org.openqa.selenium.JavascriptException.class)
        .until(d -> Boolean.TRUE.equals(driver.executeScript("if (document.readyState !== 'complete') return false;"
            + "if (!window.angular) return true;"
            + "var injector = angular.element(document.documentElement).injector()"
            + " || angular.element(document.body).injector();"
            + "return !injector || injector.get('$http').pendingRequests.length === 0;")));
  }

  /**
   * Logs out through the user menu in the webapp's header, as a person hands the browser to the next person. A notice
   * (e.g. "The task has been completed") can arrive over the menu's "Log out": the person closes it and clicks again.
   */
  public void logOut() {
    By logOut = By.cssSelector("li.logout > a");
    for (int attempt = 1; ; attempt++) {
      closeNotices();
      try {
        if (driver.findElements(logOut).stream().noneMatch(WebElement::isDisplayed)) {
          clickable(By.cssSelector("li.account.dropdown > a.dropdown-toggle")).click();
        }
        clickable(logOut).click();
        break;
      } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
        if (attempt == 5) {
          throw covered;
        }
      }
    }
    find(By.cssSelector("input[ng-model='username']"));
  }

  /** Closes the notices the webapp shows at the top right. */
  private void closeNotices() {
    for (WebElement close : driver.findElements(By.cssSelector(".notifications .alert button.close"))) {
      try {
        if (close.isDisplayed()) {
          close.click();
        }
      } catch (org.openqa.selenium.StaleElementReferenceException
               | org.openqa.selenium.ElementNotInteractableException goneMeanwhile) {
        // the notice closed itself
      }
    }
  }

  /** Opens one of KAP's own pages by its address, e.g. {@code /kap/dashboard}, as a person types it. */
  public void openPage(String path) {
    driver.get(baseUrl + path);
  }

  /** From one of KAP's pages, back to Tasklist by the "Tasklist" link in the page's header. */
  public void backToTasklist() {
    click(By.xpath("//header//a[normalize-space()='Tasklist']"));
    awaitTasklist();
  }

  /** Opens a page of a webapp, e.g. ("cockpit", "#/processes"). */
  public void open(String app, String page) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/" + page);
  }

  /**
   * As a person finds a task: clicks the filter in Tasklist's filter list, then the task card that shows the task's
   * name and every one of {@code cardTexts} (e.g. the account and the year), and waits for its form.
   */
  public void pickTask(String filter, String taskName, String... cardTexts) {
    awaitTasklist();
    click(By.xpath("//*[contains(@class,'task-filter')]//h4[@uib-tooltip='" + filter + "']/a"));
    StringBuilder texts = new StringBuilder();
    for (String text : cardTexts) {
      texts.append("[contains(., '").append(text).append("')]");
    }
    By card = By.xpath("(//ol[contains(@class,'tasks-list')]/li[.//*[normalize-space()='" + taskName + "']]"
        + texts + ")[1]//*[normalize-space()='" + taskName + "']");
    By nextPage = By.xpath("//*[contains(@class,'tasks-list')]//li[contains(@class,'pagination-next')]"
        + "[not(contains(@class,'disabled'))]/a");
    // a long filter shows its tasks page by page: turn the pages as a person would
    for (int page = 1; ; page++) {
      try {
        waitUpTo(Duration.ofSeconds(page == 1 ? 10 : 5))
            .until(ExpectedConditions.elementToBeClickable(card));
        break;
      } catch (org.openqa.selenium.TimeoutException notOnThisPage) {
        if (page > 40 || driver.findElements(nextPage).isEmpty()) {
          click(card); // fails, keeping the page
        }
        System.out.println("Browser: \"" + taskName + "\" not on page " + page + " of \"" + filter + "\": next page");
        click(nextPage);
      }
    }
    click(card);
    find(By.cssSelector(".task-details .fjs-form"));
  }

  /** Tasklist's "Start process": picks the process by its name and waits for its start form. */
  public void startProcess(String processName) {
    startProcess("Start process", processName);
  }

  /** As {@link #startProcess(String)}, through the header's link of that label (e.g. "Démarrer un processus"). */
  public void startProcess(String startLink, String processName) {
    By process = By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + processName + "']");
    for (int attempt = 1; ; attempt++) {
      click(By.xpath("//a[normalize-space()='" + startLink + "']"));
      try {
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(process));
        break;
      } catch (org.openqa.selenium.TimeoutException notOpen) {
        if (attempt == 3) {
          throw notOpen; // right after the login the header may not answer yet: three tries
        }
      }
    }
    // the dialog slides in: a click while it moves lands beside the process, so click once it stands still, and
    // again (as a person would) when no start form came
    By form = By.cssSelector(".modal .fjs-form");
    for (int attempt = 1; ; attempt++) {
      awaitStandingStill(process);
      click(process);
      try {
        waitUpTo(Duration.ofSeconds(attempt == 3 ? 30 : 10)).until(ExpectedConditions.visibilityOfElementLocated(form));
        return;
      } catch (org.openqa.selenium.TimeoutException noForm) {
        if (attempt == 3 || driver.findElements(process).stream().noneMatch(WebElement::isDisplayed)) {
          find(form); // fails, keeping the page
        }
      }
    }
  }

  /** Waits until the element is where it was a tenth of a second before: an animation moving it has ended. */
  private void awaitStandingStill(By by) {
    String[] last = {""};
    waitUpTo(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> {
          String rect = String.valueOf(driver.executeScript(
              "var r = arguments[0].getBoundingClientRect(); return r.x + ',' + r.y + ',' + r.width + ',' + r.height;",
              driver.findElement(by)));
          boolean still = rect.equals(last[0]);
          last[0] = rect;
          return still;
        });
  }

  /** The start form's "Start" button. */
  public void clickStart() {
    clickStart("Start");
  }

  /** The same, by the button's text in the user's language, e.g. "Démarrer". */
  public void clickStart(String button) {
    click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='" + button + "']"));
    // as a person would: wait for the dialog to close (Tasklist closes it once the server has started the process)
    // before reaching for the filters behind it; a refused start keeps it open and says why
    try {
      keepingThePageOnFailure(() -> waitUpTo(Duration.ofSeconds(60))
          .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div[uib-modal-window]"))));
    } catch (org.openqa.selenium.TimeoutException stillOpen) {
      throw new AssertionError("the start dialog is still open: " + pageText(), stillOpen);
    }
  }

  /** Completes the open task with its "Complete" button. */
  public void clickComplete() {
    click(By.xpath("//button[normalize-space()='Complete']"));
  }

  /** Completes the open task and waits until Tasklist closes its form, as a person sees the task go. */
  public void completeAndSeeTheTaskGo() {
    completeAndSeeTheTaskGo("Complete");
  }

  /** The same, by the button's text in the user's language, e.g. "Terminer". */
  public void completeAndSeeTheTaskGo(String button) {
    By complete = By.xpath("//button[normalize-space()='" + button + "']");
    click(complete);
    keepingThePageOnFailure(() -> waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.invisibilityOfElementLocated(complete)));
  }

  public void openTask(String taskId) {
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
  }

  public WebElement find(By by) {
    return keepingThePageOnFailure(() -> waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(by)));
  }

  public WebElement clickable(By by) {
    return keepingThePageOnFailure(() -> waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.elementToBeClickable(by)));
  }

  /**
   * A wait of at most {@code timeout} that looks again every 100 ms: Selenium's default of 500 ms added a quarter of a
   * second on average to every wait for something not there yet, hundreds of times in a journey.
   */
  public WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(driver, timeout, POLL);
  }

  /** A wait that times out keeps a screenshot and the page's HTML under target/browser/ to see what was there. */
  private <T> T keepingThePageOnFailure(java.util.function.Supplier<T> wait) {
    try {
      return wait.get();
    } catch (org.openqa.selenium.TimeoutException notThere) {
      notThere.addSuppressed(new AssertionError("the page is kept as " + keepThePage()));
      throw notThere;
    }
  }

  /** Keeps the page shown as a screenshot and its HTML under target/browser/; says where. */
  private String keepThePage() {
    String name = "failed-" + System.currentTimeMillis();
    try {
      screenshot(name);
      Files.writeString(Path.of("target", "browser", name + ".html"), driver.getPageSource());
      return "target/browser/" + name + ".png/.html";
    } catch (IOException | RuntimeException notKept) {
      return "nothing (" + notKept + ")";
    }
  }

  /**
   * Opens one of KAP's pages from Tasklist's header as a person would: its link where the header shows the links
   * side by side, else through the "KAP pages" menu they fold into when they do not fit.
   */
  public void openKapPage(String label) {
    By inline = By.xpath("//a[contains(@class,'kap-page-link') and normalize-space()='" + label + "']");
    keepingThePageOnFailure(() -> waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(inline)));
    try {
      Thread.sleep(700); // the header decides within half a second of drawing itself whether the links fit
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (driver.findElements(inline).stream().anyMatch(WebElement::isDisplayed)) {
      click(inline);
    } else {
      click(By.xpath("//summary[normalize-space()='KAP pages']"));
      click(By.xpath("//a[contains(@class,'kap-page-menu-link') and normalize-space()='" + label + "']"));
    }
  }

  /** Scrolls the element to the middle of the window first: Tasklist's fixed footer covers the bottom edge. */
  public void click(By by) {
    whenRedrawnAgain(() -> {
      WebElement element = clickable(by);
      driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
    });
  }

  /**
   * Runs a step that finds its element anew each time, again when the page redrew that element in between (Tasklist
   * redraws its task list when it refreshes it, a form its fields): up to five times, as a person would look again.
   */
  public void whenRedrawnAgain(Runnable step) {
    for (int attempt = 1; ; attempt++) {
      try {
        step.run();
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
        if (attempt == 5) {
          throw redrawn;
        }
      }
    }
  }

  public void type(By by, String text) {
    WebElement element = find(by);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.sendKeys(text);
  }

  /** Waits for the text on the page; a page the browser is leaving meanwhile (a redirect after a login) is waited out. */
  public void waitForText(String text) {
    waitUpTo(Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Runs axe-core on the page shown (WCAG 2.1 A and AA rules) and returns its serious and critical violations, each as
   * "rule: help (first offending element)". KAP's pages must have none.
   */
  public List<String> seriousAccessibilityViolations() {
    // axe-core checks every element: on a busy 2-core machine a long page takes longer than its default 30 s.
    // KAP's pages have no frames, so axe runs in one call (legacy mode) instead of sending its partial results back
    // into the page, and it reports the violations only: with every passing node listed, a long page's results
    // came to megabytes, and Chromium's renderer timed out receiving them on a loaded machine.
    com.deque.html.axecore.args.AxeRunOnlyOptions tags = new com.deque.html.axecore.args.AxeRunOnlyOptions();
    tags.setType("tag");
    tags.setValues(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
    com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
    options.setRunOnly(tags);
    options.setResultTypes(List.of("violations"));
    // AxeBuilder.setTimeout does not reach the driver in legacy mode: its async script kept the driver's 30 s and
    // timed out on a loaded CI machine, so the driver's own script timeout is raised for the check
    Duration scriptTimeout = driver.manage().timeouts().getScriptTimeout();
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
    com.deque.html.axecore.results.Results results;
    try {
      results = new com.deque.html.axecore.selenium.AxeBuilder()
          .withOptions(options).setTimeout(180).disableIframeTesting().setLegacyMode(true)
          .analyze(driver);
    } finally {
      driver.manage().timeouts().scriptTimeout(scriptTimeout);
    }
    if (results.isErrored()) {
      throw new IllegalStateException("axe-core could not check " + driver.getCurrentUrl() + ": "
          + results.getErrorMessage());
    }
    return results.getViolations().stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
        .map(rule -> rule.getId() + ": " + rule.getHelp()
            + (rule.getNodes().isEmpty() ? "" : " (" + rule.getNodes().get(0).getHtml() + ")"))
        .toList();
  }

  public Path screenshot(String name) throws IOException {
    Path target = Path.of("target", "browser", name + ".png");
    Files.createDirectories(target.getParent());
    Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    return target;
  }

  /**
   * The answers of status 400 or more that this browser received from KAP since the last call, as "status url"; the
   * webapps show some of them only as a small notice, others not at all. KAP's test application records them
   * ({@link RefusedRequests}); the webapps' look for an optional welcome page at /camunda-welcome, which KAP has
   * not, is left out.
   */
  public List<String> refusedRequests() {
    return RefusedRequests.takeFor(chromium.name()).stream()
        .filter(refused -> !refused.substring(refused.indexOf(' ') + 1).startsWith(baseUrl + "/camunda-welcome"))
        .toList();
  }

  /** True when the element is on the page and nothing lies over its middle (a person can click it). */
  public boolean isUncovered(By by) {
    WebElement element = find(by);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return Boolean.TRUE.equals(driver.executeScript("var r = arguments[0].getBoundingClientRect();"
        + "var top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        + "return top === arguments[0] || arguments[0].contains(top);", element));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Hands the browser on to the next test of the JVM as a new person would get it: logged out (no cookies), nothing
   * stored by the site, no page open, the window at its first size, its refusals read. A browser that cannot be
   * cleared is quit.
   */
  @Override
  public void close() {
    try {
      driver.get("about:blank");
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
      driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", baseUrl, "storageTypes",
          "cookies,local_storage,session_storage,indexeddb,websql,service_workers,cache_storage"));
      driver.manage().deleteAllCookies();
      if (!WINDOW.equals(driver.manage().window().getSize())) {
        driver.manage().window().setSize(WINDOW);
      }
      refusedRequests();
    } catch (RuntimeException notCleared) {
      synchronized (IDLE) {
        STARTED.remove(chromium);
      }
      chromium.quit();
      return;
    }
    synchronized (IDLE) {
      IDLE.push(chromium);
    }
  }
}
