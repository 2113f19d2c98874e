package com.kap.platform.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Dates and amounts as a reader of a language writes them, for the texts KAP sends or shows in that language
 * (docs/i18n.md, "Dates and amounts"):
 *
 * <ul>
 *   <li>a date: French {@code 15/03/2027}, English {@code 15 Mar 2027} (the month spelled, so that nobody reads
 *       3 April in {@code 03/04/2027} as 4 March);
 *   <li>a date and time, in a given zone: French {@code 15/03/2027 14:30}, English {@code 15 Mar 2027, 14:30};
 *   <li>an amount in the installation's currency ({@code kap.currency}): French {@code 1 234,56 €}, English
 *       {@code €1,234.56}; a whole amount ({@code long}, as KAP keeps its budgets) without decimals:
 *       {@code 1 200 000 €}, {@code €1,200,000}.
 * </ul>
 *
 * <p>French numbers are Java's (CLDR's): the thousands are grouped by a narrow no-break space (U+202F) and the
 * currency sign follows a no-break space (U+00A0), so that neither an amount nor a date is ever cut at a line's end.
 * A language KAP does not speak gets the English forms.
 */
@Component
public class LocalFormats {

  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
  // the months' three letters spelled out here: Java's English abbreviations change with the JDK ("Sep", "Sept")
  private static final Map<Long, String> MONTHS = months();
  private static final DateTimeFormatter ENGLISH_DATE = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.DAY_OF_MONTH).appendLiteral(' ').appendText(ChronoField.MONTH_OF_YEAR, MONTHS)
      .appendLiteral(' ').appendPattern("yyyy").toFormatter(Locale.ENGLISH);
  private static final DateTimeFormatter FRENCH_DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE);
  private static final DateTimeFormatter ENGLISH_DATE_TIME = new DateTimeFormatterBuilder().append(ENGLISH_DATE)
      .appendPattern(", HH:mm").toFormatter(Locale.ENGLISH);

  private final Currency currency;

  public LocalFormats(LocaleProperties properties) {
    this.currency = Currency.getInstance(properties.currency());
  }

  /** The installation's currency ({@code kap.currency}). */
  public Currency currency() {
    return currency;
  }

  /** The day, e.g. {@code 15/03/2027} in French, {@code 15 Mar 2027} in English; "-" for none. */
  public String date(LocalDate date, Locale locale) {
    return date == null ? "-" : (isFrench(locale) ? FRENCH_DATE : ENGLISH_DATE).format(date);
  }

  /** The moment as the clock reads it in the zone, e.g. {@code 15/03/2027 14:30}; "-" for none. */
  public String dateTime(Instant instant, ZoneId zone, Locale locale) {
    return instant == null ? "-" : (isFrench(locale) ? FRENCH_DATE_TIME : ENGLISH_DATE_TIME)
        .format(instant.atZone(zone));
  }

  /** The amount in the installation's currency, with the currency's decimals: {@code 1 234,56 €}; "-" for none. */
  public String amount(BigDecimal amount, Locale locale) {
    return amount == null ? "-" : money(locale, currency.getDefaultFractionDigits()).format(amount);
  }

  /** A whole amount in the installation's currency, without decimals: {@code 1 200 000 €}. */
  public String amount(long amount, Locale locale) {
    return money(locale, 0).format(amount);
  }

  private NumberFormat money(Locale locale, int fractionDigits) {
    NumberFormat format = NumberFormat.getCurrencyInstance(isFrench(locale) ? Locale.FRANCE : Locale.UK);
    format.setCurrency(currency);
    format.setMinimumFractionDigits(Math.max(fractionDigits, 0));
    format.setMaximumFractionDigits(Math.max(fractionDigits, 0));
    return format;
  }

  private static Map<Long, String> months() {
    Map<Long, String> months = new HashMap<>();
    for (Month month : Month.values()) {
      months.put((long) month.getValue(), month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).substring(0, 3));
    }
    return Map.copyOf(months);
  }

  private static boolean isFrench(Locale locale) {
    return locale != null && Locale.FRENCH.getLanguage().equals(locale.getLanguage());
  }
}
