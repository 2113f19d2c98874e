package com.kap.rituals.internal;

import com.kap.rituals.FollowUpAction;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The actions to follow up and what the plan reviews recorded (V16). */
@Repository
public class FollowUpRepository {

  /** An objective's actual as one review recorded it. */
  public record Actual(long occurrenceNo, LocalDate reviewedOn, int objectiveNo, int planYear, int planVersion,
      BigDecimal actual) {}

  private final JdbcClient jdbc;

  public FollowUpRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<FollowUpAction> findBySource(int year, String accountId, FollowUpAction.Source source,
      String sourceKey) {
    return jdbc.sql("select * from kap_follow_up_action where cycle_year = :year and account_id = :accountId "
            + "and source = :source and source_key = :sourceKey")
        .param("year", year).param("accountId", accountId).param("source", source.name())
        .param("sourceKey", sourceKey)
        .query(FollowUpRepository::action).optional();
  }

  /** Registers an open action; its number. */
  public long insert(int year, String accountId, FollowUpAction.Source source, String sourceKey, String action,
      String owner, String assignee, LocalDate dueDate, Instant at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into kap_follow_up_action (cycle_year, account_id, source, source_key, action, owner, assignee, "
            + "due_date, status, updated_at) values (:year, :accountId, :source, :sourceKey, :action, :owner, "
            + ":assignee, :dueDate, 'OPEN', :at)")
        .param("year", year).param("accountId", accountId).param("source", source.name())
        .param("sourceKey", sourceKey).param("action", action).param("owner", owner).param("assignee", assignee)
        .param("dueDate", Date.valueOf(dueDate)).param("at", Timestamp.from(at))
        .update(keys, "action_no");
    return keys.getKey().longValue();
  }

  public Optional<FollowUpAction> find(long actionNo) {
    return jdbc.sql("select * from kap_follow_up_action where action_no = :actionNo")
        .param("actionNo", actionNo)
        .query(FollowUpRepository::action).optional();
  }

  /** The account's actions of the year: the plan's first, then the rituals', each by due date. */
  public List<FollowUpAction> findByPlan(int year, String accountId) {
    return jdbc.sql("select * from kap_follow_up_action where cycle_year = :year and account_id = :accountId "
            + "order by source, due_date, action_no")
        .param("year", year).param("accountId", accountId)
        .query(FollowUpRepository::action).list();
  }

  public void updateStatus(long actionNo, FollowUpAction.Status status, String note, String by, Instant at) {
    jdbc.sql("update kap_follow_up_action set status = :status, note = coalesce(:note, note), "
            + "closed_by = :by, updated_at = :at where action_no = :actionNo")
        .param("status", status.name()).param("note", note).param("by", status.closed() ? by : null)
        .param("at", Timestamp.from(at)).param("actionNo", actionNo)
        .update();
  }

  public void addActual(long occurrenceNo, int objectiveNo, int planYear, int planVersion, String objective,
      String target, BigDecimal actual) {
    jdbc.sql("insert into kap_review_actual (occurrence_no, objective_no, plan_year, plan_version, objective, target, "
            + "actual) values (:occurrenceNo, :objectiveNo, :planYear, :planVersion, :objective, :target, :actual)")
        .param("occurrenceNo", occurrenceNo).param("objectiveNo", objectiveNo).param("planYear", planYear)
        .param("planVersion", planVersion).param("objective", objective).param("target", target)
        .param("actual", actual)
        .update();
  }

  public void addActionStatus(long occurrenceNo, long actionNo, FollowUpAction.Status status) {
    jdbc.sql("insert into kap_review_action_status (occurrence_no, action_no, status) values (:occurrenceNo, "
            + ":actionNo, :status)")
        .param("occurrenceNo", occurrenceNo).param("actionNo", actionNo).param("status", status.name())
        .update();
  }

  /** Every actual the account's reviews recorded against the approved plan of the year, oldest review first. */
  public List<Actual> actuals(String accountId, int planYear) {
    return jdbc.sql("select a.*, o.held_date from kap_review_actual a join kap_ritual_occurrence o "
            + "on o.occurrence_no = a.occurrence_no where o.account_id = :accountId and a.plan_year = :planYear "
            + "order by o.held_date, a.occurrence_no, a.objective_no")
        .param("accountId", accountId).param("planYear", planYear)
        .query((rs, row) -> new Actual(rs.getLong("occurrence_no"), rs.getDate("held_date").toLocalDate(),
            rs.getInt("objective_no"), rs.getInt("plan_year"), rs.getInt("plan_version"), rs.getBigDecimal("actual")))
        .list();
  }

  /** Every actual recorded against the plans of a year, of every account, oldest review first. */
  public List<AccountActual> actualsOfPlanYear(int planYear) {
    return jdbc.sql("select a.*, o.held_date, o.account_id from kap_review_actual a join kap_ritual_occurrence o "
            + "on o.occurrence_no = a.occurrence_no where a.plan_year = :planYear "
            + "order by o.account_id, o.held_date, a.occurrence_no, a.objective_no")
        .param("planYear", planYear)
        .query((rs, row) -> new AccountActual(rs.getString("account_id"), new Actual(rs.getLong("occurrence_no"),
            rs.getDate("held_date").toLocalDate(), rs.getInt("objective_no"), rs.getInt("plan_year"),
            rs.getInt("plan_version"), rs.getBigDecimal("actual"))))
        .list();
  }

  /** An actual with the account it was recorded for. */
  public record AccountActual(String accountId, Actual actual) {}

  private static FollowUpAction action(ResultSet rs, int row) throws SQLException {
    return new FollowUpAction(rs.getLong("action_no"), rs.getInt("cycle_year"), rs.getString("account_id"),
        FollowUpAction.Source.valueOf(rs.getString("source")), rs.getString("action"), rs.getString("owner"),
        rs.getString("assignee"), rs.getDate("due_date").toLocalDate(),
        FollowUpAction.Status.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("closed_by"));
  }
}
