package com.kap.platform.database;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an H2 file database lives: the folder and the database's name, read from a JDBC URL such as
 * {@code jdbc:h2:file:./data/kap;AUTO_SERVER=FALSE}. In-memory and server URLs (and other databases) have no file.
 */
public record H2File(Path folder, String name) {

  public static Optional<H2File> of(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String upper = url.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:MEM:") || upper.startsWith("JDBC:H2:TCP:")
        || upper.startsWith("JDBC:H2:SSL:") || upper.startsWith("JDBC:H2:ZIP:")) {
      return Optional.empty();
    }
    String path = url.substring("jdbc:h2:".length());
    if (path.regionMatches(true, 0, "file:", 0, "file:".length())) {
      path = path.substring("file:".length());
    }
    int options = path.indexOf(';');
    if (options >= 0) {
      path = path.substring(0, options);
    }
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    return Optional.of(new H2File(file.getParent(), file.getFileName().toString()));
  }

  /** The store itself, e.g. {@code data/kap.mv.db}. */
  public Path store() {
    return folder.resolve(name + ".mv.db");
  }
}
