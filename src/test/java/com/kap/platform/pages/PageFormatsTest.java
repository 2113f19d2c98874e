package com.kap.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.i18n.LocaleProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Dates, numbers and amounts as the pages write them in each language: 15/03/2027 and 1 234,56 € in French. */
class PageFormatsTest {

  private final PageFormats formats = new PageFormats(new LocaleProperties(Locale.ENGLISH, "EUR"), messages());

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/messages", "i18n/pages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setAlwaysUseMessageFormat(true);
    return messages;
  }

  /** French puts no-break spaces (U+00A0, U+202F) where it groups and before € and %: read as plain spaces. */
  private static String plain(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void frenchWritesDaysAmountsAndPercentagesTheFrenchWay() {
    LocaleContextHolder.setLocale(Locale.FRENCH);
    assertThat(formats.date(LocalDate.of(2027, 3, 15))).isEqualTo("15/03/2027");
    assertThat(formats.dateText("2026-12-15")).isEqualTo("15/12/2026");
    assertThat(formats.dateText("not a day")).isEqualTo("not a day");
    assertThat(formats.dateTime(Instant.parse("2027-03-15T09:30:00Z"), ZoneId.of("Europe/Paris")))
        .isEqualTo("15/03/2027 10:30");
    assertThat(plain(formats.amount(new BigDecimal("1234.56")))).isEqualTo("1 234,56 €");
    assertThat(plain(formats.amount(60000L))).isEqualTo("60 000 €");
    assertThat(plain(formats.number(1234567))).isEqualTo("1 234 567");
    assertThat(formats.decimal(new BigDecimal("72.5"))).isEqualTo("72,5");
    assertThat(plain(formats.percent(new BigDecimal("0.45")))).isEqualTo("45 %");
    assertThat(plain(formats.percentage(104))).isEqualTo("104 %");
    assertThat(formats.label("plan.status.", "In review")).isEqualTo("En revue");
    assertThat(formats.label("plan.status.", "no plan")).isEqualTo("pas de plan");
    assertThat(formats.label("segment.", "Strategic")).as("a segment's name is the same").isEqualTo("Strategic");
    assertThat(formats.option("draftAccountPlan", "objectives[].type", "profitability", "Profitability"))
        .isEqualTo("Rentabilité");
  }

  @Test
  void englishKeepsWhatThePagesAlwaysShowed() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(formats.date(LocalDate.of(2027, 3, 15))).isEqualTo("2027-03-15");
    assertThat(formats.dateTime(Instant.parse("2027-03-15T09:30:00Z"), ZoneId.of("Europe/Paris")))
        .isEqualTo("2027-03-15 10:30");
    assertThat(formats.amount(new BigDecimal("1234.56"))).isEqualTo("€1,234.56");
    assertThat(formats.amount(new BigDecimal("20000.00"))).isEqualTo("€20,000");
    assertThat(formats.percent(0.5)).isEqualTo("50%");
    assertThat(formats.percentage(99)).isEqualTo("99 %");
    assertThat(formats.label("plan.status.", "In review")).isEqualTo("In review");
    assertThat(formats.date((LocalDate) null)).isEmpty();
  }
}
