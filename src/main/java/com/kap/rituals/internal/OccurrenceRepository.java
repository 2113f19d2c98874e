package com.kap.rituals.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ritual occurrences of KAP's table. Every write forgets what the running engine command has read by execution,
 * so that {@link #findByExecution} may answer from the command's {@link OccurrenceLookups}.
 */
@Repository
public class OccurrenceRepository {

  /** A date the KAM proposes for a ritual. */
  public record Proposal(RitualType type, LocalDate date, String host, String customerParticipants) {}

  public record Action(long occurrenceNo, String ritualType, LocalDate heldDate, String action, String owner,
      LocalDate dueDate) {}

  private final JdbcTemplate jdbc;

  public OccurrenceRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Replaces the plan's not-yet-planned dates with the proposal. Dates validated before keep their row (and
   * calendar UID) where type and date still match; a moved date raises the row's sequence.
   */
  public void propose(int year, String accountId, List<Proposal> proposals, Instant at) {
    OccurrenceLookups.forget();
    jdbc.update("delete from kap_ritual_occurrence where cycle_year = ? and account_id = ? and status = 'PROPOSED'",
        year, accountId);
    jdbc.batchUpdate("insert into kap_ritual_occurrence (cycle_year, account_id, ritual_type, planned_date, host, "
            + "customer_participants, status, updated_at) values (?, ?, ?, ?, ?, ?, 'PROPOSED', ?)",
        proposals.stream().map(p -> new Object[] {year, accountId, p.type().key(), Date.valueOf(p.date()), p.host(),
            p.customerParticipants(), Timestamp.from(at)}).toList());
  }

  /** The validated proposal becomes the plan: every proposed date is planned. */
  public void planProposed(int year, String accountId, Instant at) {
    OccurrenceLookups.forget();
    jdbc.update("update kap_ritual_occurrence set status = 'PLANNED', updated_at = ? where cycle_year = ? and "
        + "account_id = ? and status = 'PROPOSED'", Timestamp.from(at), year, accountId);
  }

  /** Cancels every date not yet held (a changed segment, a removed account, the end of the year). */
  public int cancelOpen(int year, String accountId, Instant at) {
    OccurrenceLookups.forget();
    return jdbc.update("update kap_ritual_occurrence set status = 'CANCELLED', sequence_no = sequence_no + 1, "
        + "updated_at = ? where cycle_year = ? and account_id = ? and status in ('PROPOSED', 'PLANNED')",
        Timestamp.from(at), year, accountId);
  }

  public Optional<Occurrence> find(long occurrenceNo) {
    return jdbc.query("select * from kap_ritual_occurrence where occurrence_no = ?", this::occurrence, occurrenceNo)
        .stream().findFirst();
  }

  /** Ties the occurrence to the process branch that runs it. */
  public void bindExecution(long occurrenceNo, String executionId) {
    OccurrenceLookups.forget();
    jdbc.update("update kap_ritual_occurrence set execution_id = ? where occurrence_no = ?", executionId,
        occurrenceNo);
  }

  public static final String BY_EXECUTION = "select * from kap_ritual_occurrence where execution_id = ?";

  /** The occurrence bound to the execution; read once per engine command (see {@link OccurrenceLookups}). */
  public Optional<Occurrence> findByExecution(String executionId) {
    return OccurrenceLookups.byExecution(executionId,
        id -> jdbc.query(BY_EXECUTION, this::occurrence, id).stream().findFirst());
  }

  public List<Occurrence> findByPlan(int year, String accountId) {
    return jdbc.query("select * from kap_ritual_occurrence where cycle_year = ? and account_id = ? "
        + "order by planned_date, ritual_type", this::occurrence, year, accountId);
  }

  public List<Long> planned(int year, String accountId) {
    return jdbc.queryForList("select occurrence_no from kap_ritual_occurrence where cycle_year = ? and account_id = ? "
        + "and status = 'PLANNED' order by planned_date, occurrence_no", Long.class, year, accountId);
  }

  /**
   * Occurrences of the accounts a user hosts rituals for or manages (as KAM: {@code kamAccounts}, the portfolio's
   * answer), for their calendar; with {@code withUnhosted}, also the rituals the programme director holds.
   */
  public List<Occurrence> findForUser(String userId, Collection<String> kamAccounts, boolean withUnhosted) {
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("user", userId)
        .addValue("accounts", kamAccounts).addValue("unhosted", withUnhosted);
    return new NamedParameterJdbcTemplate(jdbc).query("select o.* from kap_ritual_occurrence o where (o.host = :user "
        + (kamAccounts.isEmpty() ? "" : "or o.account_id in (:accounts) ") + "or (:unhosted and o.host is null)) "
        + "and o.status <> 'PROPOSED' order by o.planned_date, o.occurrence_no", parameters, this::occurrence);
  }

  public void recordHeld(long occurrenceNo, boolean held, LocalDate heldDate, String attendees, String minutes,
      String decisions, Integer satisfaction, String by, Instant at) {
    OccurrenceLookups.forget();
    jdbc.update("update kap_ritual_occurrence set status = ?, held_date = ?, attendees = ?, minutes = ?, "
            + "decisions = ?, satisfaction = ?, recorded_by = ?, updated_at = ? where occurrence_no = ?",
        held ? "HELD" : "NOT_HELD", heldDate == null ? null : Date.valueOf(heldDate), attendees, minutes, decisions,
        satisfaction, by, Timestamp.from(at), occurrenceNo);
  }

  /** A planned ritual moves to another day: calendar clients see the change by its raised sequence. */
  public void move(long occurrenceNo, LocalDate date, Instant at) {
    OccurrenceLookups.forget();
    jdbc.update("update kap_ritual_occurrence set planned_date = ?, sequence_no = sequence_no + 1, updated_at = ? "
        + "where occurrence_no = ? and status = 'PLANNED'", Date.valueOf(date), Timestamp.from(at), occurrenceNo);
  }

  public void markMissed(long occurrenceNo, Instant at) {
    OccurrenceLookups.forget();
    jdbc.update("update kap_ritual_occurrence set status = 'MISSED', updated_at = ? where occurrence_no = ? and "
        + "status = 'PLANNED'", Timestamp.from(at), occurrenceNo);
  }

  public void addActions(long occurrenceNo, String accountId, List<Map<String, Object>> actions) {
    jdbc.batchUpdate("insert into kap_ritual_action (occurrence_no, account_id, action, owner, due_date) "
        + "values (?, ?, ?, ?, ?)", actions.stream().map(a -> new Object[] {occurrenceNo, accountId, a.get("action"),
        a.get("owner"), Date.valueOf((LocalDate) a.get("dueDate"))}).toList());
  }

  public List<Action> actions(String accountId) {
    return jdbc.query("select a.*, o.ritual_type, o.held_date from kap_ritual_action a join kap_ritual_occurrence o "
        + "on o.occurrence_no = a.occurrence_no where a.account_id = ? order by a.due_date, a.action_no",
        (rs, row) -> new Action(rs.getLong("occurrence_no"), rs.getString("ritual_type"),
            localDate(rs, "held_date"), rs.getString("action"), rs.getString("owner"), localDate(rs, "due_date")),
        accountId);
  }

  /**
   * Held and due (planned dates passed: held, not held, missed) per account of a year, for compliance; the
   * account's KAM is the portfolio's to say.
   */
  public List<Map<String, Object>> compliance(int year, LocalDate today) {
    return jdbc.queryForList("select o.account_id, p.segment, "
        + "sum(case when o.status = 'HELD' then 1 else 0 end) held, "
        + "sum(case when o.status in ('HELD', 'NOT_HELD', 'MISSED') or (o.status = 'PLANNED' and o.planned_date < ?) "
        + "then 1 else 0 end) due, sum(case when o.status <> 'CANCELLED' and o.status <> 'PROPOSED' then 1 else 0 end) "
        + "planned from kap_ritual_occurrence o "
        + "join kap_ritual_plan p on p.cycle_year = o.cycle_year and p.account_id = o.account_id "
        + "where o.cycle_year = ? group by o.account_id, p.segment order by o.account_id",
        Date.valueOf(today), year);
  }

  private Occurrence occurrence(ResultSet rs, int row) throws SQLException {
    int satisfaction = rs.getInt("satisfaction");
    Integer satisfactionOrNull = rs.wasNull() ? null : satisfaction;
    return new Occurrence(rs.getLong("occurrence_no"), rs.getInt("cycle_year"), rs.getString("account_id"),
        rs.getString("ritual_type"), localDate(rs, "planned_date"), rs.getString("host"),
        rs.getString("customer_participants"), rs.getInt("sequence_no"), Occurrence.Status.valueOf(rs.getString("status")),
        localDate(rs, "held_date"), rs.getString("attendees"), rs.getString("minutes"), rs.getString("decisions"),
        satisfactionOrNull, rs.getString("recorded_by"), rs.getTimestamp("updated_at").toInstant());
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }
}
