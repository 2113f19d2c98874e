package com.kap.rituals.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AdvisoryBoardRepository {

  private final JdbcClient jdbc;

  public AdvisoryBoardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(int year, LocalDate date, String agenda, List<String> invited, String processInstanceId,
      Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into kap_advisory_board (cycle_year, planned_date, agenda, invited_accounts, status, "
            + "process_instance_id, updated_at) values (:year, :date, :agenda, :invited, 'PLANNED', "
            + ":processInstanceId, :at)")
        .param("year", year)
        .param("date", Date.valueOf(date))
        .param("agenda", agenda)
        .param("invited", String.join(",", invited))
        .param("processInstanceId", processInstanceId)
        .param("at", Timestamp.from(at))
        .update(key, "board_no");
    return key.getKey().longValue();
  }

  public Map<String, Object> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from kap_advisory_board where process_instance_id = :processInstanceId")
        .param("processInstanceId", processInstanceId).query().singleRow();
  }

  public void record(String processInstanceId, boolean held, LocalDate heldDate, List<String> attending,
      String minutes, String decisions, Integer satisfaction, String by, Instant at) {
    jdbc.sql("update kap_advisory_board set status = :status, held_date = :heldDate, attending_accounts = :attending, "
            + "minutes = :minutes, decisions = :decisions, satisfaction = :satisfaction, recorded_by = :by, "
            + "updated_at = :at where process_instance_id = :processInstanceId")
        .param("status", held ? "HELD" : "NOT_HELD")
        .param("heldDate", heldDate == null ? null : Date.valueOf(heldDate))
        .param("attending", attending == null ? null : String.join(",", attending))
        .param("minutes", minutes)
        .param("decisions", decisions)
        .param("satisfaction", satisfaction)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("processInstanceId", processInstanceId)
        .update();
  }

  public void markMissed(String processInstanceId, Instant at) {
    jdbc.sql("update kap_advisory_board set status = 'MISSED', updated_at = :at "
            + "where process_instance_id = :processInstanceId and status = 'PLANNED'")
        .param("at", Timestamp.from(at))
        .param("processInstanceId", processInstanceId)
        .update();
  }
}
