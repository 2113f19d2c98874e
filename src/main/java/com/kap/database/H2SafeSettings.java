package com.kap.database;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Two settings added to every H2 URL that does not set them itself (the URL is resolved once, here):
 * <ul>
 *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own JVM shutdown hook closed the database at the same time as Spring
 *   began to stop, under jobs still writing, and every stop failed the jobs running. Now Spring stops the job
 *   executor first and H2 closes the database when the connection pool closes its last connection (H2's hook still
 *   runs, but only writes a checkpoint). Not with {@code AUTO_SERVER=TRUE}, which H2 refuses with it.
 *   <li>{@code MAX_COMPACT_TIME=0}: no compaction when H2 closes the file. After a process was killed, a restart and
 *   a clean stop could leave a file that no longer opened ("Inconsistent occupancy info", "Chunk … not found"); in
 *   {@code H2CrashBenchmark} that was much rarer without the compaction on close, though not gone (README "H2 and its
 *   file"). The file is not shrunk on a stop; H2 still reuses the space of dead chunks while it runs.
 * </ul>
 * A server's database ({@code tcp:}, {@code ssl:}) is not ours to set. Registered in META-INF/spring.factories.
 */
public class H2SafeSettings implements EnvironmentPostProcessor {

  private static final String URL = "spring.datasource.url";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String url;
    try {
      url = environment.getProperty(URL);
    } catch (IllegalArgumentException unresolvedPlaceholder) {
      return; // DatabaseSettingsRequired names the missing setting
    }
    String safe = withSafeSettings(url);
    if (safe != null && !safe.equals(url)) {
      environment.getPropertySources().addFirst(new MapPropertySource("kapH2SafeSettings", Map.of(URL, safe)));
    }
  }

  /** The URL with both settings where it lacks them; other databases' URLs and a server's database as they are. */
  static String withSafeSettings(String url) {
    if (url == null) {
      return null;
    }
    String upper = url.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:TCP:") || upper.startsWith("JDBC:H2:SSL:")) {
      return url;
    }
    StringBuilder safe = new StringBuilder(url);
    if (!upper.contains(";DB_CLOSE_ON_EXIT=") && !upper.contains(";AUTO_SERVER=TRUE")) {
      safe.append(";DB_CLOSE_ON_EXIT=FALSE");
    }
    if (!upper.contains(";MAX_COMPACT_TIME=")) {
      safe.append(";MAX_COMPACT_TIME=0");
    }
    return safe.toString();
  }
}
