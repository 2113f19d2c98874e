package com.kap.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Fills a Camunda Form in Tasklist as a person does: finds each field by the label on the screen, types, picks from
 * dropdowns, clicks radios, checkboxes and "Add new". {@code within} narrows the search to a part of the form, e.g.
 * one row of a list ({@link #row}).
 */
public final class TasklistForm {

  private static final DateTimeFormatter MONTH_FIRST = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Browser browser;
  private final String within;

  public TasklistForm(Browser browser) {
    this(browser, "");
  }

  private TasklistForm(Browser browser, String within) {
    this.browser = browser;
    this.within = within;
  }

  /** The n-th row (from 1) of the dynamic list labelled {@code list}. */
  public TasklistForm row(String list, int n) {
    return new TasklistForm(browser, "(" + list(list) + "//div[contains(@class,'fjs-repeat-row-container')])[" + n
        + "]");
  }

  /**
   * Clicks the list's "Add new" and returns the new row. As a person would, it looks whether the row came and clicks
   * again if not: on a loaded machine a click can land while the form redraws itself, and is lost.
   */
  public TasklistForm addRow(String list) {
    By rowsOfList = By.xpath(list(list) + "//div[contains(@class,'fjs-repeat-row-container')]");
    int rows = browser.driver().findElements(rowsOfList).size();
    for (int attempt = 1; ; attempt++) {
      browser.click(By.xpath(list(list) + "//button[contains(@class,'fjs-repeat-render-add')]"));
      try {
        browser.waitUpTo(java.time.Duration.ofSeconds(10))
            .until(driver -> driver.findElements(rowsOfList).size() > rows);
        return row(list, rows + 1);
      } catch (org.openqa.selenium.TimeoutException noRow) {
        if (attempt == 3) {
          throw new AssertionError("\"Add new\" of " + list + " added no row after three clicks", noRow);
        }
      }
    }
  }

  /** The list's first row: the one shown, or a new one where the list is empty. */
  public TasklistForm firstRow(String list) {
    return rows(list) == 0 ? addRow(list) : row(list, 1);
  }

  public int rows(String list) {
    return browser.driver().findElements(By.xpath(list(list) + "//div[contains(@class,'fjs-repeat-row-container')]"))
        .size();
  }

  /** Replaces the text of a text field, text area or number field. */
  public TasklistForm type(String label, String text) {
    By input = By.xpath(field(label) + "//*[self::input or self::textarea][not(@type='hidden')]");
    browser.whenRedrawnAgain(() -> {
      WebElement element = browser.find(input);
      browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      // then leave the field, as a person does: the form takes a typed value over when the field loses focus
      element.sendKeys(text, Keys.TAB);
    });
    return this;
  }

  private DateTimeFormatter typedAs() {
    Object sample = browser.driver().executeScript(
        "return new Intl.DateTimeFormat('default').format(new Date(2020, 5, 5));"); // 5 June 2020
    return String.valueOf(sample).startsWith("05") ? DAY_FIRST : MONTH_FIRST;
  }

  /**
   * Types a date as the date picker takes it and leaves the field: in the order of the page's default date format,
   * which KAP's Tasklist script sets by the user's language (month/day/year in English, day/month/year in French).
   */
  public TasklistForm date(String label, LocalDate date) {
    By input = By.xpath(field(label) + "//input");
    browser.whenRedrawnAgain(() -> {
      WebElement element = browser.find(input);
      browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      // Tab, not Escape, closes the date picker: Escape would close a start form's dialog too
      element.sendKeys(typedAs().format(date), Keys.TAB);
    });
    return this;
  }

  /**
   * Picks an option of a dropdown (select or tag list) by its text, or by a part of it: a searchable select or a
   * tag list is typed into to find it, as a person does; a plain select is opened with a click.
   */
  public TasklistForm pick(String label, String option) {
    List<WebElement> search = browser.driver().findElements(By.xpath(field(label) + "//input[contains(@class,"
        + "'fjs-input') or contains(@class,'fjs-taglist-input')]"));
    if (search.isEmpty()) {
      // a plain select opens when it gets the focus (a Tab from the field before): a click would close it again
      if (browser.driver().findElements(By.xpath(field(label) + "//*[contains(@class,'fjs-dropdownlist')]"))
          .isEmpty()) {
        browser.click(By.xpath(field(label) + "//*[contains(@class,'fjs-input-group')][1]"));
      }
    } else {
      WebElement input = search.get(0);
      browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
      input.click();
      input.sendKeys(option);
    }
    browser.click(By.xpath("(//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(), "
        + literal(option) + ")])[1]"));
    return this;
  }

  /** The options a searchable dropdown offers for a typed text; the text is cleared again. */
  public List<String> optionsFor(String label, String typed) {
    WebElement input = browser.find(By.xpath(field(label) + "//input[contains(@class,'fjs-input') or contains("
        + "@class,'fjs-taglist-input')]"));
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
    input.click();
    input.sendKeys(typed);
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> options = browser.driver().findElements(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')]"))
        .stream().map(WebElement::getText).map(String::trim).filter(text -> !text.isEmpty()).toList();
    for (int i = 0; i < typed.length(); i++) {
      input.sendKeys(Keys.BACK_SPACE);
    }
    browser.click(By.xpath(field(label) + "//label"));
    return options;
  }

  /** Clicks a radio button or checkbox by the text beside it. */
  public TasklistForm choose(String optionLabel) {
    browser.click(By.xpath(within + "//label[normalize-space()=" + literal(optionLabel) + "]"));
    return this;
  }

  private String field(String label) {
    // the innermost field with that label: a list or group around it holds the label too
    return "(" + within + "//div[contains(@class,'fjs-form-field')][.//label[normalize-space(translate(., '*', ''))="
        + literal(label) + "]])[last()]";
  }

  /** A text as an XPath string literal, whatever quotes it holds ("the round's reserve"). */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  private String list(String label) {
    return within + "//div[contains(@class,'fjs-form-field-dynamiclist')][.//*[contains(@class,"
        + "'fjs-form-field-label')][starts-with(normalize-space(.), " + literal(label) + ")]][1]";
  }
}
