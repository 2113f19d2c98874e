package com.kap.rituals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users' calendar addresses, by the SHA-256 of their token ({@code kap_calendar_token}, V11). */
@Repository
public class CalendarTokenRepository {

  /** A user's address as KAP keeps it: no token, only when it was made and last fetched. */
  public record StoredToken(String userId, Instant createdAt, Instant lastFetchedAt) {}

  private final JdbcClient jdbc;

  public CalendarTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StoredToken> findByUser(String userId) {
    return jdbc.sql("select user_id, created_at, last_fetched_at from kap_calendar_token where user_id = :userId")
        .param("userId", userId)
        .query((rs, row) -> stored(rs.getString("user_id"), rs.getTimestamp("created_at"),
            rs.getTimestamp("last_fetched_at")))
        .optional();
  }

  public Optional<String> userOf(String tokenHash) {
    return jdbc.sql("select user_id from kap_calendar_token where token_hash = :hash")
        .param("hash", tokenHash)
        .query(String.class)
        .optional();
  }

  /** Replaces the user's address (the old hash no longer matches any request), or makes their first. */
  public void replace(String userId, String tokenHash, Instant at) {
    int updated = jdbc.sql("update kap_calendar_token set token_hash = :hash, created_at = :at, "
            + "last_fetched_at = null where user_id = :userId")
        .param("hash", tokenHash).param("at", Timestamp.from(at)).param("userId", userId)
        .update();
    if (updated == 0) {
      jdbc.sql("insert into kap_calendar_token (user_id, token_hash, created_at) values (:userId, :hash, :at)")
          .param("userId", userId).param("hash", tokenHash).param("at", Timestamp.from(at))
          .update();
    }
  }

  /** @return whether the user had an address */
  public boolean delete(String userId) {
    return jdbc.sql("delete from kap_calendar_token where user_id = :userId").param("userId", userId).update() > 0;
  }

  public void fetched(String tokenHash, Instant at) {
    jdbc.sql("update kap_calendar_token set last_fetched_at = :at where token_hash = :hash")
        .param("at", Timestamp.from(at)).param("hash", tokenHash)
        .update();
  }

  private static StoredToken stored(String userId, Timestamp createdAt, Timestamp lastFetchedAt) {
    return new StoredToken(userId, createdAt.toInstant(), lastFetchedAt == null ? null : lastFetchedAt.toInstant());
  }
}
