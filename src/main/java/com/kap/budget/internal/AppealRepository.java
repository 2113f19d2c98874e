package com.kap.budget.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class AppealRepository {

  public record Appeal(@com.fasterxml.jackson.annotation.JsonIgnore long bidNo, String grounds, Instant appealedAt, String outcome, String response,
      String reviewer, Instant decidedAt) {}

  private final JdbcTemplate jdbc;

  public AppealRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void file(long bidNo, String grounds, Instant at) {
    jdbc.update("insert into kap_bid_appeal (bid_no, grounds, appealed_at) values (?, ?, ?)", bidNo, grounds,
        Timestamp.from(at));
  }

  public void decide(long bidNo, String outcome, String response, String reviewer, Instant at) {
    jdbc.update("update kap_bid_appeal set outcome = ?, response = ?, reviewer = ?, decided_at = ? where bid_no = ?",
        outcome, response, reviewer, Timestamp.from(at), bidNo);
  }

  public Optional<Appeal> find(long bidNo) {
    return jdbc.query("select * from kap_bid_appeal where bid_no = ?", (rs, row) -> {
      Timestamp decided = rs.getTimestamp("decided_at");
      return new Appeal(bidNo, rs.getString("grounds"), rs.getTimestamp("appealed_at").toInstant(),
          rs.getString("outcome"), rs.getString("response"), rs.getString("reviewer"),
          decided == null ? null : decided.toInstant());
    }, bidNo).stream().findFirst();
  }
}
