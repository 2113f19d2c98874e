package com.kap.platform.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ActuatorAuthenticationFilter} in front of every actuator endpoint. */
@Configuration
public class ActuatorSecurityConfig {

  @Bean
  public FilterRegistrationBean<ActuatorAuthenticationFilter> actuatorAuthenticationFilter(
      ProcessEngine processEngine, ObjectProvider<PathMappedEndpoints> endpoints) {
    FilterRegistrationBean<ActuatorAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ActuatorAuthenticationFilter(processEngine, endpoints));
    registration.setName("kap-actuator-authentication");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    return registration;
  }
}
