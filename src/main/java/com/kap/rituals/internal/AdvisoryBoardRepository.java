package com.kap.rituals.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AdvisoryBoardRepository {

  private final JdbcTemplate jdbc;

  public AdvisoryBoardRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(int year, LocalDate date, String agenda, List<String> invited, String processInstanceId,
      Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into kap_advisory_board (cycle_year, planned_date, agenda, "
          + "invited_accounts, status, process_instance_id, updated_at) values (?, ?, ?, ?, 'PLANNED', ?, ?)",
          new String[] {"board_no"});
      statement.setInt(1, year);
      statement.setDate(2, Date.valueOf(date));
      statement.setString(3, agenda);
      statement.setString(4, String.join(",", invited));
      statement.setString(5, processInstanceId);
      statement.setTimestamp(6, Timestamp.from(at));
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  public Map<String, Object> findByProcessInstance(String processInstanceId) {
    return jdbc.queryForMap("select * from kap_advisory_board where process_instance_id = ?", processInstanceId);
  }

  public void record(String processInstanceId, boolean held, LocalDate heldDate, List<String> attending,
      String minutes, String decisions, Integer satisfaction, String by, Instant at) {
    jdbc.update("update kap_advisory_board set status = ?, held_date = ?, attending_accounts = ?, minutes = ?, "
            + "decisions = ?, satisfaction = ?, recorded_by = ?, updated_at = ? where process_instance_id = ?",
        held ? "HELD" : "NOT_HELD", heldDate == null ? null : Date.valueOf(heldDate),
        attending == null ? null : String.join(",", attending), minutes, decisions, satisfaction, by,
        Timestamp.from(at), processInstanceId);
  }

  public void markMissed(String processInstanceId, Instant at) {
    jdbc.update("update kap_advisory_board set status = 'MISSED', updated_at = ? where process_instance_id = ? and "
        + "status = 'PLANNED'", Timestamp.from(at), processInstanceId);
  }
}
