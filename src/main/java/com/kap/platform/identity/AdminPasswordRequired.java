package com.kap.platform.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops start-up, before the engine creates the admin user, when no admin password is configured: outside the demo
 * profile KAP has no default password. Where Camunda's password policy is on (every profile but demo), the admin
 * password must also pass it, and start-up says so before Camunda refuses to save the admin. Registered in
 * META-INF/spring.factories.
 */
public class AdminPasswordRequired implements EnvironmentPostProcessor {

  static final String PROPERTY = "camunda.bpm.admin-user.password";
  static final String POLICY = "camunda.bpm.generic-properties.properties.enablePasswordPolicy";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String password = environment.getProperty(PROPERTY);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("No admin password: set the environment variable KAP_ADMIN_PASSWORD "
          + "(or " + PROPERTY + "), or run the demo profile (--spring.profiles.active=demo) to try KAP out.");
    }
    if (Boolean.parseBoolean(environment.getProperty(POLICY, "false"))) {
      String problem = policyProblem(password, environment.getProperty("camunda.bpm.admin-user.id", "admin"),
          environment.getProperty("camunda.bpm.admin-user.first-name", ""),
          environment.getProperty("camunda.bpm.admin-user.last-name", ""));
      if (problem != null) {
        throw new IllegalStateException("KAP_ADMIN_PASSWORD (" + PROPERTY + ") does not pass the password policy: "
            + problem + ". It needs 10 characters or more, upper and lower case letters, a digit and a special "
            + "character, and no part of the admin's id or name.");
      }
    }
  }

  /** What Camunda's default password policy finds wrong with the password, or null. */
  static String policyProblem(String password, String... userData) {
    if (password.length() < 10) {
      return "it has fewer than 10 characters";
    }
    if (password.chars().noneMatch(Character::isUpperCase) || password.chars().noneMatch(Character::isLowerCase)) {
      return "it lacks an upper or a lower case letter";
    }
    if (password.chars().noneMatch(Character::isDigit)) {
      return "it has no digit";
    }
    if (password.chars().allMatch(Character::isLetterOrDigit)) {
      return "it has no special character";
    }
    for (String data : userData) {
      if (data != null && !data.isBlank() && password.toLowerCase().contains(data.toLowerCase())) {
        return "it contains the admin's id or name";
      }
    }
    return null;
  }
}
