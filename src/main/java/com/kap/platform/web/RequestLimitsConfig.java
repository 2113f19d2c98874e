package com.kap.platform.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The request size limit on KAP's API and Camunda's REST API, checked before authentication: a body too large is
 * refused whoever sends it.
 */
@Configuration
public class RequestLimitsConfig {

  @Bean
  public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxRequestSize()));
    registration.setName("kap-request-size-limit");
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  public ResourceConfigCustomizer engineRestAnswersTooLargeBodiesWith413() {
    return config -> config.register(RequestBodyTooLargeMapper.class).register(WrappedRequestBodyTooLargeMapper.class);
  }
}
