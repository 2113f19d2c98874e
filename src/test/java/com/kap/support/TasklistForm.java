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

  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("MM/dd/yyyy");

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

  /** Clicks the list's "Add new" and returns the new row. */
  public TasklistForm addRow(String list) {
    int rows = browser.driver().findElements(By.xpath(list(list)
        + "//div[contains(@class,'fjs-repeat-row-container')]")).size();
    browser.click(By.xpath(list(list) + "//button[contains(@class,'fjs-repeat-render-add')]"));
    return row(list, rows + 1);
  }

  public int rows(String list) {
    return browser.driver().findElements(By.xpath(list(list) + "//div[contains(@class,'fjs-repeat-row-container')]"))
        .size();
  }

  /** Replaces the text of a text field, text area or number field. */
  public TasklistForm type(String label, String text) {
    By input = By.xpath(field(label) + "//*[self::input or self::textarea][not(@type='hidden')]");
    WebElement element = browser.find(input);
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    element.sendKeys(text);
    return this;
  }

  /** Types a date as the date picker takes it (month/day/year) and closes the picker. */
  public TasklistForm date(String label, LocalDate date) {
    By input = By.xpath(field(label) + "//input");
    WebElement element = browser.find(input);
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    element.sendKeys(TYPED.format(date), Keys.ENTER);
    element.sendKeys(Keys.ESCAPE);
    return this;
  }

  /** Opens a dropdown (select or tag list) and picks the option whose text is {@code option}. */
  public TasklistForm pick(String label, String option) {
    browser.click(By.xpath(field(label) + "//*[contains(@class,'fjs-input-group') or contains(@class,"
        + "'fjs-taglist')][1]"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']"));
    return this;
  }

  /** The options a dropdown offers, as their texts. */
  public List<String> options(String label) {
    browser.click(By.xpath(field(label) + "//*[contains(@class,'fjs-input-group') or contains(@class,"
        + "'fjs-taglist')][1]"));
    browser.find(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')]"));
    List<String> options = browser.driver().findElements(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')]"))
        .stream().map(WebElement::getText).map(String::trim).toList();
    browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    return options;
  }

  /** Clicks a radio button or checkbox by the text beside it. */
  public TasklistForm choose(String optionLabel) {
    browser.click(By.xpath(within + "//label[normalize-space()='" + optionLabel + "']"));
    return this;
  }

  private String field(String label) {
    return within + "//div[contains(@class,'fjs-form-field')][./label[normalize-space(translate(., '*', ''))='"
        + label + "'] or ./*/label[normalize-space(translate(., '*', ''))='" + label + "']][last()]";
  }

  private String list(String label) {
    return within + "//div[contains(@class,'fjs-form-field-dynamiclist')][.//*[contains(@class,"
        + "'fjs-form-field-label')][starts-with(normalize-space(.), '" + label + "')]][1]";
  }
}
