package com.kap.platform.database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Stops start-up with the postgres profile when a database setting is missing. Spring leaves an unresolved
 * placeholder in a datasource property as it is, so without this check KAP would try to log in with the text
 * "${KAP_DB_PASSWORD}" as password. Registered in META-INF/spring.factories.
 */
public class DatabaseSettingsRequired implements EnvironmentPostProcessor {

  private static final Map<String, String> VARIABLE_BY_PROPERTY = new LinkedHashMap<>();

  static {
    VARIABLE_BY_PROPERTY.put("spring.datasource.url", "KAP_DB_URL");
    VARIABLE_BY_PROPERTY.put("spring.datasource.username", "KAP_DB_USER");
    VARIABLE_BY_PROPERTY.put("spring.datasource.password", "KAP_DB_PASSWORD");
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
      return;
    }
    List<String> missing = VARIABLE_BY_PROPERTY.entrySet().stream()
        .filter(setting -> isBlank(resolved(environment, setting.getKey()))).map(Map.Entry::getValue).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The postgres profile has no default database settings: set the environment "
          + "variables " + String.join(", ", missing) + " (README \"Running in production\").");
    }
  }

  private static String resolved(ConfigurableEnvironment environment, String property) {
    try {
      return environment.getProperty(property);
    } catch (IllegalArgumentException unresolvedPlaceholder) {
      return null;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
