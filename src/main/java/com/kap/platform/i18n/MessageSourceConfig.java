package com.kap.platform.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's MessageSource over every bundle of {@link Bundles#BASENAMES} (Spring Boot's own, configured by
 * a list in {@code spring.messages.basename}, steps aside for a bean of this name): UTF-8, no fallback to the
 * machine's language, and every text through MessageFormat, so that {@code ''} is an apostrophe everywhere.
 */
@Configuration(proxyBeanMethods = false)
public class MessageSourceConfig {

  @Bean
  public MessageSource messageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames(Bundles.BASENAMES);
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setAlwaysUseMessageFormat(true);
    return messages;
  }
}
