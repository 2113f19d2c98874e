package com.kap.platform.database;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds {@code DB_CLOSE_ON_EXIT=FALSE} to every H2 URL that does not set it (the URL is resolved once, here). H2's own
 * JVM shutdown hook closed the database at the same time as Spring began to stop, under jobs still writing, and
 * every stop failed the jobs running. Now Spring stops the job executor first and H2 closes the database when the
 * connection pool closes its last connection (H2's hook still runs, but only writes a checkpoint). Not with
 * {@code AUTO_SERVER=TRUE}, which H2 refuses with it, nor for a server's database ({@code tcp:}, {@code ssl:}), which
 * is not ours to close. Registered in META-INF/spring.factories.
 */
public class H2ShutdownOrder implements EnvironmentPostProcessor {

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

  /** The URL with H2's shutdown hook turned off; other databases' URLs and the cases above as they are. */
  public static String withSpringClosing(String url) {
    if (url == null) {
      return null;
    }
    String upper = url.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:TCP:") || upper.startsWith("JDBC:H2:SSL:")
        || upper.contains(";DB_CLOSE_ON_EXIT=") || upper.contains(";AUTO_SERVER=TRUE")) {
      return url;
    }
    return url + ";DB_CLOSE_ON_EXIT=FALSE";
  }
}
