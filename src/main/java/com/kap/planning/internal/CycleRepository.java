package com.kap.planning.internal;

import com.kap.planning.PlanningCycle;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CycleRepository {

  private final JdbcClient jdbc;

  public CycleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PlanningCycle> find(int year) {
    return jdbc.sql("select * from kap_cycle where cycle_year = :year").param("year", year).query((rs, row) -> {
      Date deadline = rs.getDate("plan_deadline");
      Date closing = rs.getDate("closing_date");
      return new PlanningCycle(rs.getInt("cycle_year"), rs.getString("process_instance_id"),
          deadline == null ? null : deadline.toLocalDate(), closing == null ? null : closing.toLocalDate(),
          rs.getString("training_plan"), rs.getString("training_plan_by"));
    }).list().stream().findFirst();
  }

  public void insert(int year, String processInstanceId, LocalDate planDeadline, LocalDate closingDate,
      String startedBy, Instant startedAt) {
    jdbc.sql("insert into kap_cycle (cycle_year, process_instance_id, plan_deadline, closing_date, started_by, "
            + "started_at) values (:year, :processInstanceId, :planDeadline, :closingDate, :startedBy, :startedAt)")
        .param("year", year)
        .param("processInstanceId", processInstanceId)
        .param("planDeadline", Date.valueOf(planDeadline))
        .param("closingDate", Date.valueOf(closingDate))
        .param("startedBy", startedBy)
        .param("startedAt", Timestamp.from(startedAt))
        .update();
  }

  /** Locks the cycle's row until the transaction ends; false when the year has no cycle. */
  /** The years that have a cycle, latest first. */
  public List<Integer> years() {
    return jdbc.sql("select cycle_year from kap_cycle order by cycle_year desc").query(Integer.class).list();
  }

  public boolean lock(int year) {
    return !jdbc.sql("select cycle_year from kap_cycle where cycle_year = :year for update").param("year", year)
        .query(Integer.class).list().isEmpty();
  }

  /**
   * Notes that every plan of the year is approved, once: true for the one transaction that notes it first, false
   * when it was noted already (or the year has no cycle). Only this last step takes the cycle's row.
   */
  public boolean markAllPlansApproved(int year, Instant at) {
    return jdbc.sql("update kap_cycle set plans_approved_at = :at where cycle_year = :year and plans_approved_at is null")
        .param("at", Timestamp.from(at)).param("year", year).update() == 1;
  }

  public void delete(int year) {
    jdbc.sql("delete from kap_cycle where cycle_year = :year").param("year", year).update();
  }

  public void saveTrainingPlan(int year, String trainingPlan, String by) {
    jdbc.sql("update kap_cycle set training_plan = :trainingPlan, training_plan_by = :by where cycle_year = :year")
        .param("trainingPlan", trainingPlan)
        .param("by", by)
        .param("year", year)
        .update();
  }
}
