package com.kap.database;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps H2 from closing KAP's database in its own JVM shutdown hook. That hook runs at the same time as Spring's, so
 * the database closed under jobs still writing, and every stop failed the jobs running. With
 * {@code DB_CLOSE_ON_EXIT=FALSE} Spring stops the job executor first and H2 closes the database when the connection
 * pool closes its last connection (H2's hook still runs, but only writes a checkpoint). Added to every H2 URL that
 * does not set it itself; the URL is resolved once, here. Registered in META-INF/spring.factories.
 */
public class H2ShutdownOrder implements EnvironmentPostProcessor {

  static final String SETTING = "DB_CLOSE_ON_EXIT=FALSE";
  private static final String URL = "spring.datasource.url";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String url;
    try {
      url = environment.getProperty(URL);
    } catch (IllegalArgumentException unresolvedPlaceholder) {
      return; // DatabaseSettingsRequired names the missing setting
    }
    String closedBySpring = withSpringClosing(url);
    if (closedBySpring != null && !closedBySpring.equals(url)) {
      environment.getPropertySources().addFirst(new MapPropertySource("kapH2ShutdownOrder", Map.of(URL, closedBySpring)));
    }
  }

  /**
   * The URL with H2's shutdown hook turned off; other databases' URLs, explicit settings, a server's database
   * ({@code tcp:}, {@code ssl:}: not ours to close) and {@code AUTO_SERVER=TRUE} (H2 refuses it with the setting) as
   * they are.
   */
  static String withSpringClosing(String url) {
    if (url == null) {
      return null;
    }
    String upper = url.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:TCP:") || upper.startsWith("JDBC:H2:SSL:")
        || upper.contains(";DB_CLOSE_ON_EXIT=") || upper.contains(";AUTO_SERVER=TRUE")) {
      return url;
    }
    return url + ";" + SETTING;
  }
}
