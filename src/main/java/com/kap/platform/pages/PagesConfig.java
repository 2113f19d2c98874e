package com.kap.platform.pages;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** KAP's pages ({@code /kap/*}): the webapps' login and CSRF token, see {@link PagesAuthenticationFilter}. */
@Configuration
public class PagesConfig {

  @Bean
  public FilterRegistrationBean<PagesAuthenticationFilter> pagesAuthenticationFilter(IdentityService identityService) {
    FilterRegistrationBean<PagesAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new PagesAuthenticationFilter(identityService));
    registration.setName("kap-pages-authentication");
    registration.addUrlPatterns("/kap/*", "/kap");
    return registration;
  }
}
