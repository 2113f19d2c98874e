package com.kap.budget.internal;

import com.kap.budget.AuditAction;
import com.kap.budget.AuditEntry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail of a round: who did what to which bid, when, with the value before and after and the reason. */
@Repository
public class BudgetAudit {

  private final JdbcClient jdbc;
  private final Clock clock;

  public BudgetAudit(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(long roundNo, Long bidNo, AuditAction action, String actor, String before, String after,
      String reason) {
    jdbc.sql("insert into kap_budget_audit (round_no, bid_no, action, actor, acted_at, before_value, after_value, "
            + "reason) values (:roundNo, :bidNo, :action, :actor, :at, :before, :after, :reason)")
        .param("roundNo", roundNo)
        .param("bidNo", bidNo)
        .param("action", action.name())
        .param("actor", actor)
        .param("at", Timestamp.from(clock.instant()))
        .param("before", clip(before))
        .param("after", clip(after))
        .param("reason", clip(reason))
        .update();
  }

  public List<AuditEntry> entries(long roundNo) {
    return jdbc.sql("select * from kap_budget_audit where round_no = :roundNo order by audit_no")
        .param("roundNo", roundNo)
        .query((rs, row) -> {
          long bidNo = rs.getLong("bid_no");
          String bidId = rs.wasNull() ? null : BudgetIds.bid(bidNo);
          return new AuditEntry(rs.getLong("audit_no"), BudgetIds.round(roundNo), bidId,
              AuditAction.valueOf(rs.getString("action")), rs.getString("actor"), rs.getTimestamp("acted_at").toInstant(),
              rs.getString("before_value"), rs.getString("after_value"), rs.getString("reason"));
        })
        .list();
  }

  private static String clip(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
  }
}
