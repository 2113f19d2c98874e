package com.kap.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops start-up, before the engine creates the admin user, when no admin password is configured: outside the demo
 * profile KAP has no default password. Registered in META-INF/spring.factories.
 */
public class AdminPasswordRequired implements EnvironmentPostProcessor {

  static final String PROPERTY = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String password = environment.getProperty(PROPERTY);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("No admin password: set the environment variable KAP_ADMIN_PASSWORD "
          + "(or " + PROPERTY + "), or run the demo profile (--spring.profiles.active=demo) to try KAP out.");
    }
  }
}
