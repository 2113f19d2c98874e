package com.kap.rituals.internal;

import com.kap.rituals.Occurrence;
import com.kap.rituals.RitualAction;
import com.kap.rituals.RitualType;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ritual occurrences of KAP's table. Every write forgets what the running engine command has read by execution,
 * so that {@link #findByExecution} may answer from the command's {@link OccurrenceLookups}.
 */
@Repository
public class OccurrenceRepository {

  /** A date the KAM proposes for a ritual. */
  public record Proposal(RitualType type, LocalDate date, String host, String customerParticipants) {}

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public OccurrenceRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /**
   * Replaces the plan's not-yet-planned dates with the proposal. Dates validated before keep their row (and
   * calendar UID) where type and date still match; a moved date raises the row's sequence.
   */
  public void propose(int year, String accountId, List<Proposal> proposals, Instant at) {
    OccurrenceLookups.forget();
    jdbc.sql("delete from kap_ritual_occurrence where cycle_year = :year and account_id = :accountId "
            + "and status = 'PROPOSED'")
        .param("year", year).param("accountId", accountId)
        .update();
    Timestamp updatedAt = Timestamp.from(at);
    batches.batchUpdate("insert into kap_ritual_occurrence (cycle_year, account_id, ritual_type, planned_date, host, "
            + "customer_participants, status, updated_at) values (:year, :accountId, :type, :date, :host, "
            + ":customerParticipants, 'PROPOSED', :at)",
        proposals.stream().map(p -> new MapSqlParameterSource()
            .addValue("year", year)
            .addValue("accountId", accountId)
            .addValue("type", p.type().key())
            .addValue("date", Date.valueOf(p.date()))
            .addValue("host", p.host())
            .addValue("customerParticipants", p.customerParticipants())
            .addValue("at", updatedAt)).toArray(SqlParameterSource[]::new));
  }

  /** The validated proposal becomes the plan: every proposed date is planned. */
  public void planProposed(int year, String accountId, Instant at) {
    OccurrenceLookups.forget();
    jdbc.sql("update kap_ritual_occurrence set status = 'PLANNED', updated_at = :at where cycle_year = :year and "
            + "account_id = :accountId and status = 'PROPOSED'")
        .param("at", Timestamp.from(at)).param("year", year).param("accountId", accountId)
        .update();
  }

  /** Cancels every date not yet held (a changed segment, a removed account, the end of the year). */
  public int cancelOpen(int year, String accountId, Instant at) {
    OccurrenceLookups.forget();
    return jdbc.sql("update kap_ritual_occurrence set status = 'CANCELLED', sequence_no = sequence_no + 1, "
            + "updated_at = :at where cycle_year = :year and account_id = :accountId "
            + "and status in ('PROPOSED', 'PLANNED')")
        .param("at", Timestamp.from(at)).param("year", year).param("accountId", accountId)
        .update();
  }

  public Optional<Occurrence> find(long occurrenceNo) {
    return jdbc.sql("select * from kap_ritual_occurrence where occurrence_no = :occurrenceNo")
        .param("occurrenceNo", occurrenceNo).query(this::occurrence).list().stream().findFirst();
  }

  /** Ties the occurrence to the process branch that runs it. */
  public void bindExecution(long occurrenceNo, String executionId) {
    OccurrenceLookups.forget();
    jdbc.sql("update kap_ritual_occurrence set execution_id = :executionId where occurrence_no = :occurrenceNo")
        .param("executionId", executionId).param("occurrenceNo", occurrenceNo)
        .update();
  }

  public static final String BY_EXECUTION = "select * from kap_ritual_occurrence where execution_id = :executionId";

  /** The occurrence bound to the execution; read once per engine command (see {@link OccurrenceLookups}). */
  public Optional<Occurrence> findByExecution(String executionId) {
    return OccurrenceLookups.byExecution(executionId,
        id -> jdbc.sql(BY_EXECUTION).param("executionId", id).query(this::occurrence).list().stream().findFirst());
  }

  public List<Occurrence> findByPlan(int year, String accountId) {
    return jdbc.sql("select * from kap_ritual_occurrence where cycle_year = :year and account_id = :accountId "
            + "order by planned_date, ritual_type")
        .param("year", year).param("accountId", accountId)
        .query(this::occurrence).list();
  }

  /**
   * The first day that still has planned rituals not handed out to a branch (ritualPlan's "Next ritual day"). Rituals
   * a branch already runs (a moved one waits in its branch for its new day) do not count.
   */
  public Optional<LocalDate> firstDayToHandOut(int year, String accountId) {
    return jdbc.sql("select min(planned_date) from kap_ritual_occurrence where cycle_year = :year "
            + "and account_id = :accountId and status = 'PLANNED' and released_at is null and execution_id is null")
        .param("year", year).param("accountId", accountId)
        .query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /** Hands out the planned rituals up to and including the day; returns how many. */
  public int handOut(int year, String accountId, LocalDate upTo, Instant at) {
    OccurrenceLookups.forget();
    return jdbc.sql("update kap_ritual_occurrence set released_at = :at where cycle_year = :year "
            + "and account_id = :accountId and status = 'PLANNED' and released_at is null and execution_id is null "
            + "and planned_date <= :upTo")
        .param("at", Timestamp.from(at)).param("year", year).param("accountId", accountId)
        .param("upTo", Date.valueOf(upTo))
        .update();
  }

  /** The rituals handed out that no branch runs yet: one branch each. */
  public List<Long> handedOut(int year, String accountId) {
    return jdbc.sql("select occurrence_no from kap_ritual_occurrence where cycle_year = :year "
            + "and account_id = :accountId and status = 'PLANNED' and released_at is not null and execution_id is null "
            + "order by planned_date, occurrence_no")
        .param("year", year).param("accountId", accountId)
        .query(Long.class).list();
  }

  /**
   * Every planned ritual of the plan: the branches of ritualPlan versions before the ritual days' timer, which gave
   * every ritual its branch when the calendar was validated (instances of those versions still run them).
   */
  public List<Long> planned(int year, String accountId) {
    return jdbc.sql("select occurrence_no from kap_ritual_occurrence where cycle_year = :year "
            + "and account_id = :accountId and status = 'PLANNED' order by planned_date, occurrence_no")
        .param("year", year).param("accountId", accountId)
        .query(Long.class).list();
  }

  /**
   * Occurrences of the accounts a user hosts rituals for or manages (as KAM: {@code kamAccounts}, the portfolio's
   * answer), for their calendar; with {@code withUnhosted}, also the rituals the programme director holds.
   */
  public List<Occurrence> findForUser(String userId, Collection<String> kamAccounts, boolean withUnhosted) {
    return jdbc.sql("select o.* from kap_ritual_occurrence o where (o.host = :user "
            + (kamAccounts.isEmpty() ? "" : "or o.account_id in (:accounts) ") + "or (:unhosted and o.host is null)) "
            + "and o.status <> 'PROPOSED' order by o.planned_date, o.occurrence_no")
        .param("user", userId).param("accounts", kamAccounts).param("unhosted", withUnhosted)
        .query(this::occurrence).list();
  }

  public void recordHeld(long occurrenceNo, boolean held, LocalDate heldDate, String attendees, String minutes,
      String decisions, Integer satisfaction, String by, Instant at) {
    OccurrenceLookups.forget();
    jdbc.sql("update kap_ritual_occurrence set status = :status, held_date = :heldDate, attendees = :attendees, "
            + "minutes = :minutes, decisions = :decisions, satisfaction = :satisfaction, recorded_by = :by, "
            + "updated_at = :at where occurrence_no = :occurrenceNo")
        .param("status", held ? "HELD" : "NOT_HELD")
        .param("heldDate", heldDate == null ? null : Date.valueOf(heldDate))
        .param("attendees", attendees)
        .param("minutes", minutes)
        .param("decisions", decisions)
        .param("satisfaction", satisfaction)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("occurrenceNo", occurrenceNo)
        .update();
  }

  /** A planned ritual moves to another day: calendar clients see the change by its raised sequence. */
  public void move(long occurrenceNo, LocalDate date, Instant at) {
    OccurrenceLookups.forget();
    jdbc.sql("update kap_ritual_occurrence set planned_date = :date, sequence_no = sequence_no + 1, updated_at = :at "
            + "where occurrence_no = :occurrenceNo and status = 'PLANNED'")
        .param("date", Date.valueOf(date)).param("at", Timestamp.from(at)).param("occurrenceNo", occurrenceNo)
        .update();
  }

  public void markMissed(long occurrenceNo, Instant at) {
    OccurrenceLookups.forget();
    jdbc.sql("update kap_ritual_occurrence set status = 'MISSED', updated_at = :at where occurrence_no = :occurrenceNo "
            + "and status = 'PLANNED'")
        .param("at", Timestamp.from(at)).param("occurrenceNo", occurrenceNo)
        .update();
  }

  public void addActions(long occurrenceNo, String accountId, List<Map<String, Object>> actions) {
    batches.batchUpdate("insert into kap_ritual_action (occurrence_no, account_id, action, owner, due_date) "
            + "values (:occurrenceNo, :accountId, :action, :owner, :dueDate)",
        actions.stream().map(a -> new MapSqlParameterSource()
            .addValue("occurrenceNo", occurrenceNo)
            .addValue("accountId", accountId)
            .addValue("action", a.get("action"))
            .addValue("owner", a.get("owner"))
            .addValue("dueDate", Date.valueOf((LocalDate) a.get("dueDate")))).toArray(SqlParameterSource[]::new));
  }

  public List<RitualAction> actions(String accountId) {
    return jdbc.sql("select a.*, o.ritual_type, o.held_date from kap_ritual_action a join kap_ritual_occurrence o "
            + "on o.occurrence_no = a.occurrence_no where a.account_id = :accountId order by a.due_date, a.action_no")
        .param("accountId", accountId)
        .query((rs, row) -> new RitualAction(rs.getLong("occurrence_no"), rs.getString("ritual_type"),
            localDate(rs, "held_date"), rs.getString("action"), rs.getString("owner"), localDate(rs, "due_date")))
        .list();
  }

  /**
   * Held and due (planned dates passed: held, not held, missed) per account of a year, for compliance; the
   * account's KAM is the portfolio's to say.
   */
  public List<Map<String, Object>> compliance(int year, LocalDate today) {
    return jdbc.sql("select o.account_id, p.segment, "
            + "sum(case when o.status = 'HELD' then 1 else 0 end) held, "
            + "sum(case when o.status in ('HELD', 'NOT_HELD', 'MISSED') or (o.status = 'PLANNED' "
            + "and o.planned_date < :today) then 1 else 0 end) due, "
            + "sum(case when o.status <> 'CANCELLED' and o.status <> 'PROPOSED' then 1 else 0 end) "
            + "planned from kap_ritual_occurrence o "
            + "join kap_ritual_plan p on p.cycle_year = o.cycle_year and p.account_id = o.account_id "
            + "where o.cycle_year = :year group by o.account_id, p.segment order by o.account_id")
        .param("today", Date.valueOf(today)).param("year", year)
        .query().listOfRows();
  }

  /** An account's rituals of a year: planned (not cancelled or still proposed), due by today, held. */
  public record Tally(String accountId, int planned, int due, int held) {}

  /**
   * {@link #compliance} without the segment: one pass over the year's rows of the index on (year, account, status,
   * planned date), no join and no table row read, for the dashboard, which knows each account's segment already.
   */
  public List<Tally> tallies(int year, LocalDate today) {
    return jdbc.sql("select account_id, "
            + "sum(case when status = 'HELD' then 1 else 0 end) held, "
            + "sum(case when status in ('HELD', 'NOT_HELD', 'MISSED') or (status = 'PLANNED' "
            + "and planned_date < :today) then 1 else 0 end) due, "
            + "sum(case when status <> 'CANCELLED' and status <> 'PROPOSED' then 1 else 0 end) planned "
            + "from kap_ritual_occurrence where cycle_year = :year group by account_id")
        .param("today", Date.valueOf(today)).param("year", year)
        .query((rs, row) -> new Tally(rs.getString("account_id"), rs.getInt("planned"), rs.getInt("due"),
            rs.getInt("held")))
        .list();
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
