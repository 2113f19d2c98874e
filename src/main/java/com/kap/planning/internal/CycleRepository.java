package com.kap.planning.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class CycleRepository {

  private final JdbcTemplate jdbc;

  public CycleRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Cycle(int year, String processInstanceId, LocalDate planDeadline, LocalDate closingDate,
      String trainingPlan, String trainingPlanBy) {}

  public Optional<Cycle> find(int year) {
    return jdbc.query("select * from kap_cycle where cycle_year = ?", (rs, row) -> {
      Date deadline = rs.getDate("plan_deadline");
      Date closing = rs.getDate("closing_date");
      return new Cycle(rs.getInt("cycle_year"), rs.getString("process_instance_id"),
          deadline == null ? null : deadline.toLocalDate(), closing == null ? null : closing.toLocalDate(),
          rs.getString("training_plan"), rs.getString("training_plan_by"));
    }, year).stream().findFirst();
  }

  public void insert(int year, String processInstanceId, LocalDate planDeadline, LocalDate closingDate,
      String startedBy, Instant startedAt) {
    jdbc.update("insert into kap_cycle (cycle_year, process_instance_id, plan_deadline, closing_date, started_by, "
            + "started_at) values (?, ?, ?, ?, ?, ?)", year, processInstanceId, Date.valueOf(planDeadline),
        Date.valueOf(closingDate), startedBy, Timestamp.from(startedAt));
  }

  /**
   * Counts one more approved plan of the year and returns the count, or -1 when the year has no cycle. The update
   * locks the cycle's row, so concurrent approvals are counted one after the other.
   */
  public int countApproval(int year) {
    if (jdbc.update("update kap_cycle set plans_approved = plans_approved + 1 where cycle_year = ?", year) == 0) {
      return -1;
    }
    return jdbc.queryForObject("select plans_approved from kap_cycle where cycle_year = ?", Integer.class, year);
  }

  /** The approval count, with the cycle's row locked until the transaction ends. */
  public int lockApprovalCount(int year) {
    return jdbc.queryForObject("select plans_approved from kap_cycle where cycle_year = ? for update", Integer.class,
        year);
  }

  public void delete(int year) {
    jdbc.update("delete from kap_cycle where cycle_year = ?", year);
  }

  public void saveTrainingPlan(int year, String trainingPlan, String by) {
    jdbc.update("update kap_cycle set training_plan = ?, training_plan_by = ? where cycle_year = ?", trainingPlan, by,
        year);
  }
}
