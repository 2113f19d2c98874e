package com.kap.platform.pages;

import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.web.WebProperties;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * KAP's pages ({@code /kap/*}): the webapps' login and CSRF token, see {@link PagesAuthenticationFilter}; forms with
 * a file take up to {@code kap.web.max-request-size}, as KAP's API.
 */
@Configuration
public class PagesConfig {

  @Bean
  public FilterRegistrationBean<PagesAuthenticationFilter> pagesAuthenticationFilter(IdentityService identityService,
      WebProperties web, UserLocales locales, Texts texts) {
    FilterRegistrationBean<PagesAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new PagesAuthenticationFilter(identityService, web.maxRequestSize().toBytes(), locales, texts));
    registration.setName("kap-pages-authentication");
    registration.addUrlPatterns("/kap/*", "/kap");
    return registration;
  }
}
