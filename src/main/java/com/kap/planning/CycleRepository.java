package com.kap.planning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class CycleRepository {

  private final JdbcTemplate jdbc;

  public CycleRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> processInstanceOf(int year) {
    return jdbc.queryForList("select process_instance_id from kap_cycle where cycle_year = ?", String.class, year)
        .stream().findFirst();
  }

  public void insert(int year, String processInstanceId, String startedBy, Instant startedAt) {
    jdbc.update("insert into kap_cycle (cycle_year, process_instance_id, started_by, started_at) values (?, ?, ?, ?)",
        year, processInstanceId, startedBy, Timestamp.from(startedAt));
  }
}
