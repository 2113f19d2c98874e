package com.kap.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
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

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;

  public Browser(int port) throws IOException {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException("the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
          + ": apt-get install chromium chromium-driver (.ci/run does)");
    }
    ChromeOptions options = new ChromeOptions();
    profile = Files.createTempDirectory("kap-chromium");
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1800",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    try {
      this.driver = new ChromeDriver(service, options);
    } catch (RuntimeException notStarted) {
      FileSystemUtils.deleteRecursively(profile);
      throw notStarted;
    }
    this.baseUrl = "http://localhost:" + port;
  }

  public void logIntoTasklist(String user, String password) {
    logInto("tasklist", user, password);
    find(By.cssSelector(".cam-tasklist-filters, [cam-tasklist-filters], .tasks-list"));
  }

  /** Logs into Cockpit or Admin; the app's start page follows. */
  public void logInto(String app, String user, String password) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    find(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    find(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    find(By.cssSelector("form button[type='submit']")).click();
  }

  /** Opens a page of a webapp, e.g. ("cockpit", "#/processes"). */
  public void open(String app, String page) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/" + page);
  }

  public void openTask(String taskId) {
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
  }

  public WebElement find(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement clickable(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by));
  }

  /** Scrolls the element to the middle of the window first: Tasklist's fixed footer covers the bottom edge. */
  public void click(By by) {
    WebElement element = clickable(by);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    clickable(by).click();
  }

  public void type(By by, String text) {
    WebElement element = find(by);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.sendKeys(text);
  }

  public void waitForText(String text) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public Path screenshot(String name) throws IOException {
    Path target = Path.of("target", "browser", name + ".png");
    Files.createDirectories(target.getParent());
    Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    return target;
  }

  public ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile);
    }
  }
}
