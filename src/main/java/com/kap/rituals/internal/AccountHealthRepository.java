package com.kap.rituals.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What account health is computed from, read for one account or for all accounts of a year with one query per input
 * (never one per account), and the stored health ({@code kap_account_health}, V17): a row per account, year and day
 * when the score or its reasons changed.
 */
@Repository
public class AccountHealthRepository {

  /** An account's rituals of the year: held, due (their day passed), and the held ones' average satisfaction. */
  public record RitualFigures(int held, int due, Double satisfaction) {}

  /** An objective's latest actual against its target, as the latest plan review of the year recorded it. */
  public record ReviewedObjective(int planYear, int planVersion, int objectiveNo, String target, BigDecimal actual) {}

  /** A stored health: the day it was computed (the last change of that day), its score and reasons. */
  public record Snapshot(String accountId, LocalDate date, int score, String reasons) {}

  private final JdbcClient jdbc;

  public AccountHealthRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static String accountFilter(String column, String accountId) {
    return accountId == null ? "" : " and " + column + " = :accountId";
  }

  /** Per account (all of the year's when {@code accountId} is null): rituals held, due by today, satisfaction. */
  public Map<String, RitualFigures> rituals(int year, LocalDate today, String accountId) {
    Map<String, RitualFigures> figures = new HashMap<>();
    var sql = jdbc.sql("select account_id, "
            + "sum(case when status = 'HELD' then 1 else 0 end) held, "
            + "sum(case when status in ('HELD', 'NOT_HELD', 'MISSED') or (status = 'PLANNED' "
            + "and planned_date < :today) then 1 else 0 end) due, "
            + "avg(case when status = 'HELD' then cast(satisfaction as decimal(9, 4)) end) satisfaction "
            + "from kap_ritual_occurrence where cycle_year = :year" + accountFilter("account_id", accountId)
            + " group by account_id")
        .param("today", Date.valueOf(today)).param("year", year);
    if (accountId != null) {
      sql = sql.param("accountId", accountId);
    }
    sql.query(rs -> {
      BigDecimal satisfaction = rs.getBigDecimal("satisfaction");
      figures.put(rs.getString("account_id"), new RitualFigures(rs.getInt("held"), rs.getInt("due"),
          satisfaction == null ? null : satisfaction.doubleValue()));
    });
    return figures;
  }

  /** Per account: the open actions of the year (open or in progress) whose due date is before today. */
  public Map<String, Integer> overdueActions(int year, LocalDate today, String accountId) {
    Map<String, Integer> overdue = new HashMap<>();
    var sql = jdbc.sql("select account_id, count(*) overdue from kap_follow_up_action where cycle_year = :year "
            + "and status in ('OPEN', 'IN_PROGRESS') and due_date < :today" + accountFilter("account_id", accountId)
            + " group by account_id")
        .param("year", year).param("today", Date.valueOf(today));
    if (accountId != null) {
      sql = sql.param("accountId", accountId);
    }
    sql.query(rs -> {
      overdue.put(rs.getString("account_id"), rs.getInt("overdue"));
    });
    return overdue;
  }

  /**
   * Per account: the objectives of the latest plan version its plan reviews of the year recorded actuals for, each
   * with its latest actual and the target as it stood.
   */
  public Map<String, List<ReviewedObjective>> reviewedObjectives(int year, String accountId) {
    Map<String, Map<Integer, ReviewedObjective>> latest = new HashMap<>();
    var sql = jdbc.sql("select o.account_id, a.plan_year, a.plan_version, a.objective_no, a.target, a.actual "
            + "from kap_review_actual a join kap_ritual_occurrence o on o.occurrence_no = a.occurrence_no "
            + "where o.cycle_year = :year" + accountFilter("o.account_id", accountId)
            + " order by o.account_id, o.held_date, a.occurrence_no, a.objective_no")
        .param("year", year);
    if (accountId != null) {
      sql = sql.param("accountId", accountId);
    }
    sql.query(rs -> {
      ReviewedObjective objective = new ReviewedObjective(rs.getInt("plan_year"), rs.getInt("plan_version"),
          rs.getInt("objective_no"), rs.getString("target"), rs.getBigDecimal("actual"));
      Map<Integer, ReviewedObjective> ofAccount = latest.computeIfAbsent(rs.getString("account_id"),
          id -> new HashMap<>());
      ReviewedObjective any = ofAccount.values().stream().findFirst().orElse(null);
      if (any != null && (any.planYear() != objective.planYear() || any.planVersion() != objective.planVersion())) {
        ofAccount.clear(); // a later review of another plan version: its objectives count, not the earlier ones
      }
      ofAccount.put(objective.objectiveNo(), objective); // oldest review first: the latest stays
    });
    Map<String, List<ReviewedObjective>> result = new HashMap<>();
    latest.forEach((id, objectives) -> result.put(id, new ArrayList<>(objectives.values())));
    return result;
  }

  /** Per account: its latest stored health of the year before {@code day}. */
  public Map<String, Snapshot> latestBefore(int year, LocalDate day, String accountId) {
    Map<String, Snapshot> snapshots = new HashMap<>();
    var sql = jdbc.sql("select h.account_id, h.snapshot_date, h.score, h.reasons from kap_account_health h join ("
            + "select account_id, max(snapshot_date) latest from kap_account_health where cycle_year = :year "
            + "and snapshot_date < :day" + accountFilter("account_id", accountId) + " group by account_id) m "
            + "on m.account_id = h.account_id and m.latest = h.snapshot_date where h.cycle_year = :year")
        .param("year", year).param("day", Date.valueOf(day));
    if (accountId != null) {
      sql = sql.param("accountId", accountId);
    }
    sql.query(rs -> {
      snapshots.put(rs.getString("account_id"), snapshot(rs));
    });
    return snapshots;
  }

  /** Per account: the health stored on {@code day}. */
  public Map<String, Snapshot> on(int year, LocalDate day, String accountId) {
    Map<String, Snapshot> snapshots = new HashMap<>();
    var sql = jdbc.sql("select account_id, snapshot_date, score, reasons from kap_account_health "
            + "where cycle_year = :year and snapshot_date = :day" + accountFilter("account_id", accountId))
        .param("year", year).param("day", Date.valueOf(day));
    if (accountId != null) {
      sql = sql.param("accountId", accountId);
    }
    sql.query(rs -> {
      snapshots.put(rs.getString("account_id"), snapshot(rs));
    });
    return snapshots;
  }

  /** The latest stored health of every account of the year, in one query (the dashboard's). */
  public List<Snapshot> latest(int year) {
    return jdbc.sql("select h.account_id, h.snapshot_date, h.score, h.reasons from kap_account_health h join ("
            + "select account_id, max(snapshot_date) latest from kap_account_health where cycle_year = :year "
            + "group by account_id) m on m.account_id = h.account_id and m.latest = h.snapshot_date "
            + "where h.cycle_year = :year")
        .param("year", year)
        .query((rs, row) -> snapshot(rs)).list();
  }

  /** The account's stored health of the year, the latest first. */
  public List<Snapshot> history(int year, String accountId) {
    return jdbc.sql("select account_id, snapshot_date, score, reasons from kap_account_health "
            + "where cycle_year = :year and account_id = :accountId order by snapshot_date desc")
        .param("year", year).param("accountId", accountId)
        .query((rs, row) -> snapshot(rs)).list();
  }

  /**
   * Stores the day's health unless the day has one already (another node's, computed at the same time): a
   * conditional insert, each in a statement of its own, and the primary key refuses a second row of the day.
   *
   * @return whether this call stored it
   */
  public boolean insert(int year, String accountId, LocalDate day, int score, String reasons, Instant at) {
    try {
      return jdbc.sql("insert into kap_account_health (account_id, cycle_year, snapshot_date, score, reasons, "
              + "computed_at) select cast(:accountId as varchar(64)), cast(:year as integer), cast(:day as date), "
              + "cast(:score as integer), cast(:reasons as varchar(4000)), cast(:at as timestamp) where not exists ("
              + "select 1 from kap_account_health where account_id = :accountId and cycle_year = :year "
              + "and snapshot_date = :day)")
          .param("accountId", accountId).param("year", year).param("day", Date.valueOf(day)).param("score", score)
          .param("reasons", reasons).param("at", Timestamp.from(at))
          .update() == 1;
    } catch (DuplicateKeyException storedByAnotherNode) {
      return false;
    }
  }

  /** The day's health changed again: the day keeps its last. */
  public void update(int year, String accountId, LocalDate day, int score, String reasons, Instant at) {
    jdbc.sql("update kap_account_health set score = :score, reasons = :reasons, computed_at = :at "
            + "where account_id = :accountId and cycle_year = :year and snapshot_date = :day")
        .param("score", score).param("reasons", reasons).param("at", Timestamp.from(at))
        .param("accountId", accountId).param("year", year).param("day", Date.valueOf(day))
        .update();
  }

  /** The day's health went back to what the day before stored: the day's row goes, the history has no repeat. */
  public void delete(int year, String accountId, LocalDate day) {
    jdbc.sql("delete from kap_account_health where account_id = :accountId and cycle_year = :year "
            + "and snapshot_date = :day")
        .param("accountId", accountId).param("year", year).param("day", Date.valueOf(day))
        .update();
  }

  private static Snapshot snapshot(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Snapshot(rs.getString("account_id"), rs.getDate("snapshot_date").toLocalDate(), rs.getInt("score"),
        rs.getString("reasons"));
  }
}
