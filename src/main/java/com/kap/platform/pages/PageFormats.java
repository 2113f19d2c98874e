package com.kap.platform.pages;

import com.kap.platform.forms.FormLabels;
import com.kap.platform.i18n.DecisionTexts;
import com.kap.platform.i18n.DecisionValueWords;
import com.kap.platform.i18n.LocaleProperties;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, numbers and amounts on KAP's pages, in the request's language (the user's: {@code KapLocaleResolver}); the
 * templates have it as {@code fmt} ({@link PageModel}). English keeps the ISO dates and the figures KAP always
 * showed ({@code 2027-03-15}, {@code €1,234}, {@code 45%}); French writes {@code 15/03/2027}, {@code 1 234 €},
 * {@code 45 %} (with the no-break spaces French typography asks for). Amounts are in {@code kap.currency}.
 */
@Component
public class PageFormats {

  private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter ISO_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter FRENCH_MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final Currency currency;
  private final MessageSource messages;
  private final List<DecisionValueWords> decisionValues;

  public PageFormats(LocaleProperties properties, MessageSource messages) {
    this(properties, messages, List.of());
  }

  /** With the words the modules say their DMN tables' values in ({@link DecisionValueWords}). */
  @Autowired
  public PageFormats(LocaleProperties properties, MessageSource messages, List<DecisionValueWords> decisionValues) {
    this.currency = Currency.getInstance(properties.currency());
    this.messages = messages;
    this.decisionValues = List.copyOf(decisionValues);
  }

  /**
   * A word a view gives in English ("In review", "no plan"), in the request's language: the bundles' text under
   * {@code prefix} and the words in camel case ({@code plan.status.InReview}, {@code plan.status.noPlan}); the word
   * itself where there is none (a segment's name, "Star", is the same in both languages).
   */
  public String label(String prefix, String english) {
    if (english == null) {
      return "";
    }
    StringBuilder key = new StringBuilder(prefix);
    boolean first = true;
    for (String word : english.replaceAll("[^A-Za-z0-9 ]", " ").trim().split(" +")) {
      key.append(first || word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
      first = false;
    }
    return messages.getMessage(key.toString(), null, english, locale());
  }

  /**
   * What a form's select shows for a value in the request's language (the form's option, see {@code FormLabels}),
   * e.g. ("draftAccountPlan", "objectives[].type", "revenue"); {@code english} where the form has no such option.
   */
  public String option(String formId, String field, String value, String english) {
    String label = FormLabels.option(formId, field, value, locale());
    return label == null || label.equals(value) ? english : label;
  }

  /**
   * What a DMN table decided, said in the request's language ({@link DecisionTexts}), e.g. ("accountHealth",
   * "reason", "3 actions overdue"); as it is in English, or where no rule's text recognises it.
   */
  public String decided(String decisionId, String output, String value) {
    return DecisionTexts.say(locale(), decisionId, output, value, decisionValues);
  }

  /** Each value as {@link #decided(String, String, String)} says it. */
  public List<String> decided(String decisionId, String output, List<String> values) {
    return values == null ? List.of() : values.stream().map(value -> decided(decisionId, output, value)).toList();
  }

  /** A day written {@code 2027-03-15} (as views carry it) in the request's language; anything else as it is. */
  public String dateText(String isoDate) {
    if (isoDate == null) {
      return "";
    }
    try {
      return date(LocalDate.parse(isoDate));
    } catch (DateTimeParseException notADay) {
      return isoDate;
    }
  }

  /** The language of the request being answered. */
  public Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  private boolean french() {
    return Locale.FRENCH.getLanguage().equals(locale().getLanguage());
  }

  /** A day: {@code 2027-03-15} in English, {@code 15/03/2027} in French; empty for none. */
  public String date(LocalDate date) {
    return date == null ? "" : (french() ? FRENCH_DATE : ISO_DATE).format(date);
  }

  /** A moment to the minute in a time zone: {@code 2027-03-15 10:00}, {@code 15/03/2027 10:00}. */
  public String dateTime(Instant instant, ZoneId zone) {
    return instant == null ? "" : (french() ? FRENCH_MINUTE : ISO_MINUTE).format(instant.atZone(zone));
  }

  /** The day a moment falls on in a time zone: {@code 2027-03-15}, {@code 15/03/2027}. */
  public String day(Instant instant, ZoneId zone) {
    return instant == null ? "" : date(LocalDate.ofInstant(instant, zone));
  }

  /** A whole number with the language's grouping: {@code 1,234}, {@code 1 234}. */
  public String number(Number number) {
    if (number == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getIntegerInstance(locale());
    return format.format(number);
  }

  /** A number with at most three decimals: {@code 72.5}, {@code 72,5}. */
  public String decimal(Number number) {
    if (number == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    format.setMaximumFractionDigits(3);
    return format.format(number);
  }

  /** An amount in KAP's currency: {@code €1,234.56}, {@code 1 234,56 €}; whole amounts without cents. */
  public String amount(Number amount) {
    if (amount == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(locale());
    format.setCurrency(currency);
    BigDecimal value = new BigDecimal(amount.toString());
    boolean whole = value.stripTrailingZeros().scale() <= 0;
    format.setMinimumFractionDigits(whole ? 0 : 2);
    format.setMaximumFractionDigits(whole ? 0 : 2);
    return format.format(value);
  }

  /** A share of one as a percentage: 0.45 is {@code 45%}, {@code 45 %}. */
  public String percent(Number share) {
    if (share == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getPercentInstance(locale());
    format.setMaximumFractionDigits(0);
    return format.format(share);
  }

  /** A number that is already a percentage: 104 is {@code 104 %} in either language. */
  public String percentage(Number percent) {
    return percent == null ? "" : (french() ? decimal(percent) + "\u202F%" : decimal(percent) + " %");
  }
}
