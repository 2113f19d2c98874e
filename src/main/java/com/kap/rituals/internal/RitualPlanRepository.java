package com.kap.rituals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RitualPlanRepository {

  private final JdbcClient jdbc;

  public RitualPlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers the plan; a second one for the same account and year breaks the primary key. */
  public void insert(int year, String accountId, String segment, String processInstanceId, Instant at) {
    jdbc.sql("insert into kap_ritual_plan (cycle_year, account_id, segment, status, process_instance_id, "
            + "updated_at) values (:year, :accountId, :segment, 'PROPOSING', :processInstanceId, :at)")
        .param("year", year)
        .param("accountId", accountId)
        .param("segment", segment)
        .param("processInstanceId", processInstanceId)
        .param("at", Timestamp.from(at))
        .update();
  }

  public Optional<RitualPlan> find(int year, String accountId) {
    return jdbc.sql("select * from kap_ritual_plan where cycle_year = :year and account_id = :accountId")
        .param("year", year).param("accountId", accountId)
        .query((rs, row) -> new RitualPlan(rs.getInt("cycle_year"), rs.getString("account_id"),
            rs.getString("segment"), RitualPlan.Status.valueOf(rs.getString("status")),
            rs.getString("process_instance_id"), rs.getString("justification"), rs.getString("director_comments")))
        .list().stream().findFirst();
  }

  /** The years in which the account has a ritual plan, newest first. */
  public List<Integer> years(String accountId) {
    return jdbc.sql("select cycle_year from kap_ritual_plan where account_id = :accountId order by cycle_year desc")
        .param("accountId", accountId).query(Integer.class).list();
  }

  public void updateSegment(int year, String accountId, String segment, Instant at) {
    jdbc.sql("update kap_ritual_plan set segment = :segment, status = 'PROPOSING', updated_at = :at "
            + "where cycle_year = :year and account_id = :accountId")
        .param("segment", segment)
        .param("at", Timestamp.from(at))
        .param("year", year)
        .param("accountId", accountId)
        .update();
  }

  public void propose(int year, String accountId, String justification, String by, Instant at) {
    jdbc.sql("update kap_ritual_plan set status = 'VALIDATING', justification = :justification, proposed_by = :by, "
            + "updated_at = :at where cycle_year = :year and account_id = :accountId")
        .param("justification", justification)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("year", year)
        .param("accountId", accountId)
        .update();
  }

  public void decide(int year, String accountId, boolean validated, String comments, String by, Instant at) {
    jdbc.sql("update kap_ritual_plan set status = :status, director_comments = :comments, validated_by = :by, "
            + "updated_at = :at where cycle_year = :year and account_id = :accountId")
        .param("status", validated ? "ACTIVE" : "PROPOSING")
        .param("comments", comments)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("year", year)
        .param("accountId", accountId)
        .update();
  }

  public void end(int year, String accountId, String reason, Instant at) {
    jdbc.sql("update kap_ritual_plan set status = 'ENDED', ended_reason = :reason, updated_at = :at "
            + "where cycle_year = :year and account_id = :accountId")
        .param("reason", reason)
        .param("at", Timestamp.from(at))
        .param("year", year)
        .param("accountId", accountId)
        .update();
  }
}
