package com.kap.budget.internal;

import com.kap.budget.Appeal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AppealRepository {

  private final JdbcClient jdbc;

  public AppealRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void file(long bidNo, String grounds, Instant at) {
    jdbc.sql("insert into kap_bid_appeal (bid_no, grounds, appealed_at) values (:bidNo, :grounds, :at)")
        .param("bidNo", bidNo)
        .param("grounds", grounds)
        .param("at", Timestamp.from(at))
        .update();
  }

  public void decide(long bidNo, String outcome, String response, String reviewer, Instant at) {
    jdbc.sql("update kap_bid_appeal set outcome = :outcome, response = :response, reviewer = :reviewer, "
            + "decided_at = :at where bid_no = :bidNo")
        .param("outcome", outcome)
        .param("response", response)
        .param("reviewer", reviewer)
        .param("at", Timestamp.from(at))
        .param("bidNo", bidNo)
        .update();
  }

  public Optional<Appeal> find(long bidNo) {
    return jdbc.sql("select * from kap_bid_appeal where bid_no = :bidNo").param("bidNo", bidNo).query((rs, row) -> {
      Timestamp decided = rs.getTimestamp("decided_at");
      return new Appeal(bidNo, rs.getString("grounds"), rs.getTimestamp("appealed_at").toInstant(),
          rs.getString("outcome"), rs.getString("response"), rs.getString("reviewer"),
          decided == null ? null : decided.toInstant());
    }).list().stream().findFirst();
  }
}
