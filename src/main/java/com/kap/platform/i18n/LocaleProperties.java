package com.kap.platform.i18n;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language and money of a KAP installation.
 *
 * @param locale the language of a user who has chosen none, and of texts meant for nobody in particular
 *     ({@code kap.locale}: {@code en} or {@code fr})
 * @param currency the ISO 4217 code amounts are shown in ({@code kap.currency}, e.g. {@code EUR})
 */
@ConfigurationProperties("kap")
public record LocaleProperties(@DefaultValue("en") Locale locale, @DefaultValue("EUR") String currency) {

  public LocaleProperties {
    if (!UserLocales.SUPPORTED.contains(Locale.forLanguageTag(locale.getLanguage()))) {
      throw new IllegalArgumentException("kap.locale is '" + locale + "'; KAP speaks "
          + UserLocales.SUPPORTED.stream().map(Locale::getLanguage).toList());
    }
    java.util.Currency.getInstance(currency); // an unknown code fails the start with its name
  }
}
