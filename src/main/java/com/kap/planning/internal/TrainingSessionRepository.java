package com.kap.planning.internal;

import com.kap.planning.TrainingSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The training sessions delivered ({@code kap_training_session}, V18) with their participants
 * ({@code kap_training_participant}) and the accounts they serve ({@code kap_training_account}).
 */
@Repository
public class TrainingSessionRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public TrainingSessionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /** Stores the session with its participants and accounts; its number. */
  public long insert(int year, String title, String audience, LocalDate deliveredOn, BigDecimal hours,
      List<String> participants, List<String> accountIds, String notes, String recordedBy, Instant recordedAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into kap_training_session (cycle_year, title, audience, delivered_on, hours, notes, recorded_by, "
            + "recorded_at) values (:year, :title, :audience, :deliveredOn, :hours, :notes, :recordedBy, :recordedAt)")
        .param("year", year)
        .param("title", title)
        .param("audience", audience)
        .param("deliveredOn", Date.valueOf(deliveredOn))
        .param("hours", hours)
        .param("notes", notes)
        .param("recordedBy", recordedBy)
        .param("recordedAt", Timestamp.from(recordedAt))
        .update(key, "session_no");
    long sessionNo = key.getKey().longValue();
    batch("insert into kap_training_participant (session_no, user_id) values (:sessionNo, :value)", sessionNo,
        participants);
    batch("insert into kap_training_account (session_no, account_id) values (:sessionNo, :value)", sessionNo,
        accountIds);
    return sessionNo;
  }

  private void batch(String sql, long sessionNo, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    SqlParameterSource[] rows = values.stream().map(value -> new MapSqlParameterSource()
        .addValue("sessionNo", sessionNo).addValue("value", value)).toArray(SqlParameterSource[]::new);
    batches.batchUpdate(sql, rows);
  }

  /** 1.50 as 1.5 and 2.00 as 2, as typed. */
  private static BigDecimal plain(BigDecimal hours) {
    BigDecimal stripped = hours.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** The year's sessions by the day they were delivered, then in the order they were recorded. */
  public List<TrainingSession> findByYear(int year) {
    Map<Long, List<String>> participants = new HashMap<>();
    Map<Long, List<String>> accounts = new HashMap<>();
    // participants and accounts are sets: sorted, for a stable answer
    jdbc.sql("select p.session_no, p.user_id from kap_training_participant p join kap_training_session s "
            + "on s.session_no = p.session_no where s.cycle_year = :year order by p.session_no, p.user_id")
        .param("year", year)
        .query(rs -> {
          participants.computeIfAbsent(rs.getLong("session_no"), n -> new ArrayList<>()).add(rs.getString("user_id"));
        });
    jdbc.sql("select a.session_no, a.account_id from kap_training_account a join kap_training_session s "
            + "on s.session_no = a.session_no where s.cycle_year = :year order by a.session_no, a.account_id")
        .param("year", year)
        .query(rs -> {
          accounts.computeIfAbsent(rs.getLong("session_no"), n -> new ArrayList<>()).add(rs.getString("account_id"));
        });
    return jdbc.sql("select * from kap_training_session where cycle_year = :year order by delivered_on, session_no")
        .param("year", year)
        .query((rs, n) -> {
          long sessionNo = rs.getLong("session_no");
          return new TrainingSession(sessionNo, rs.getInt("cycle_year"), rs.getString("title"),
              rs.getString("audience"), rs.getDate("delivered_on").toLocalDate(), plain(rs.getBigDecimal("hours")),
              participants.getOrDefault(sessionNo, List.of()), accounts.getOrDefault(sessionNo, List.of()),
              rs.getString("notes"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
        })
        .list();
  }
}
