package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Dates and amounts per language. The French amounts are asserted with their exact characters on purpose: a narrow
 * no-break space (U+202F) groups the thousands and a no-break space (U+00A0) precedes the currency sign, so that a
 * mail client never breaks an amount across two lines.
 */
class LocalFormatsTest {

  private static final String NNBSP = "\u202f";
  private static final String NBSP = "\u00a0";
  private static final LocalDate IDES = LocalDate.of(2027, 3, 15);

  private final LocalFormats euros = new LocalFormats(new LocaleProperties(Locale.ENGLISH, "EUR"));

  @Test
  void aDateIsDayMonthYearInFrenchAndHasItsMonthSpelledInEnglish() {
    assertThat(euros.date(IDES, Locale.FRENCH)).isEqualTo("15/03/2027");
    assertThat(euros.date(LocalDate.of(2027, 4, 3), Locale.FRANCE)).isEqualTo("03/04/2027");
    assertThat(euros.date(IDES, Locale.ENGLISH)).isEqualTo("15 Mar 2027");
    assertThat(euros.date(LocalDate.of(2027, 4, 3), Locale.ENGLISH)).isEqualTo("3 Apr 2027");
    assertThat(euros.date(LocalDate.of(2027, 9, 30), Locale.ENGLISH)).as("three letters, whatever the JDK says")
        .isEqualTo("30 Sep 2027");
    assertThat(euros.date(IDES, Locale.GERMAN)).as("a language KAP does not speak").isEqualTo("15 Mar 2027");
    assertThat(euros.date(null, Locale.FRENCH)).isEqualTo("-");
  }

  @Test
  void aMomentIsReadOnTheClockOfTheZone() {
    Instant instant = Instant.parse("2027-03-15T13:30:00Z");
    assertThat(euros.dateTime(instant, ZoneId.of("Europe/Paris"), Locale.FRENCH)).isEqualTo("15/03/2027 14:30");
    assertThat(euros.dateTime(instant, ZoneId.of("Europe/London"), Locale.ENGLISH)).isEqualTo("15 Mar 2027, 13:30");
    assertThat(euros.dateTime(instant, ZoneId.of("Asia/Singapore"), Locale.ENGLISH))
        .as("the next day in Singapore").isEqualTo("15 Mar 2027, 21:30");
    assertThat(euros.dateTime(null, ZoneId.of("UTC"), Locale.ENGLISH)).isEqualTo("-");
  }

  @Test
  void anAmountIsInTheConfiguredCurrencyAsTheLanguageWritesIt() {
    BigDecimal amount = new BigDecimal("1234.56");
    assertThat(euros.amount(amount, Locale.FRENCH)).isEqualTo("1" + NNBSP + "234,56" + NBSP + "€");
    assertThat(euros.amount(amount, Locale.ENGLISH)).isEqualTo("€1,234.56");
    assertThat(euros.amount(new BigDecimal("0.5"), Locale.FRENCH)).isEqualTo("0,50" + NBSP + "€");
    assertThat(euros.amount(null, Locale.FRENCH)).isEqualTo("-");

    assertThat(euros.amount(1_200_000L, Locale.FRENCH)).as("a whole amount has no decimals")
        .isEqualTo("1" + NNBSP + "200" + NNBSP + "000" + NBSP + "€");
    assertThat(euros.amount(1_200_000L, Locale.ENGLISH)).isEqualTo("€1,200,000");
    assertThat(euros.amount(-5L, Locale.ENGLISH)).isEqualTo("-€5");
  }

  @Test
  void theCurrencyIsTheInstallationsNotTheLanguages() {
    LocalFormats francs = new LocalFormats(new LocaleProperties(Locale.FRENCH, "CHF"));
    assertThat(francs.currency().getCurrencyCode()).isEqualTo("CHF");
    assertThat(francs.amount(new BigDecimal("1234.5"), Locale.FRENCH)).isEqualTo("1" + NNBSP + "234,50" + NBSP
        + "CHF");
    assertThat(francs.amount(new BigDecimal("1234.5"), Locale.ENGLISH)).isEqualTo("CHF1,234.50");
    LocalFormats pounds = new LocalFormats(new LocaleProperties(Locale.ENGLISH, "GBP"));
    assertThat(pounds.amount(2500L, Locale.FRENCH)).isEqualTo("2" + NNBSP + "500" + NBSP + "£GB");
    assertThat(pounds.amount(2500L, Locale.ENGLISH)).isEqualTo("£2,500");
  }
}
