package com.kap.rituals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class RitualPlanRepository {

  private final JdbcTemplate jdbc;

  public RitualPlanRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers the plan; a second one for the same account and year breaks the primary key. */
  public void insert(int year, String accountId, String segment, String processInstanceId, Instant at) {
    jdbc.update("insert into kap_ritual_plan (cycle_year, account_id, segment, status, process_instance_id, "
        + "updated_at) values (?, ?, ?, 'PROPOSING', ?, ?)", year, accountId, segment, processInstanceId,
        Timestamp.from(at));
  }

  public Optional<RitualPlan> find(int year, String accountId) {
    return jdbc.query("select * from kap_ritual_plan where cycle_year = ? and account_id = ?", (rs, row) ->
        new RitualPlan(rs.getInt("cycle_year"), rs.getString("account_id"), rs.getString("segment"),
            RitualPlan.Status.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
            rs.getString("justification"), rs.getString("director_comments")), year, accountId).stream().findFirst();
  }

  public void updateSegment(int year, String accountId, String segment, Instant at) {
    jdbc.update("update kap_ritual_plan set segment = ?, status = 'PROPOSING', updated_at = ? where cycle_year = ? "
        + "and account_id = ?", segment, Timestamp.from(at), year, accountId);
  }

  public void propose(int year, String accountId, String justification, String by, Instant at) {
    jdbc.update("update kap_ritual_plan set status = 'VALIDATING', justification = ?, proposed_by = ?, "
        + "updated_at = ? where cycle_year = ? and account_id = ?", justification, by, Timestamp.from(at), year,
        accountId);
  }

  public void decide(int year, String accountId, boolean validated, String comments, String by, Instant at) {
    jdbc.update("update kap_ritual_plan set status = ?, director_comments = ?, validated_by = ?, updated_at = ? "
            + "where cycle_year = ? and account_id = ?", validated ? "ACTIVE" : "PROPOSING", comments, by,
        Timestamp.from(at), year, accountId);
  }

  public void end(int year, String accountId, String reason, Instant at) {
    jdbc.update("update kap_ritual_plan set status = 'ENDED', ended_reason = ?, updated_at = ? where cycle_year = ? "
        + "and account_id = ?", reason, Timestamp.from(at), year, accountId);
  }
}
