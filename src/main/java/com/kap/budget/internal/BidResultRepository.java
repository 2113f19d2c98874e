package com.kap.budget.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Funded bids' results reports: when each is due, and what the KAM reported ({@code kap_bid_result}). */
@Repository
public class BidResultRepository {

  /** One funded bid's report: scheduled, then reported (the report's fields null until then). */
  public record BidResult(long bidNo, String kam, int delayMonths, Instant scheduledAt, Instant reportDue,
      Instant reminderAt, Instant reportDeadline, Instant remindedAt, Instant escalatedAt, Long valueDelivered,
      String narrative, String evidence, String reportedBy, Instant reportedAt) {

    public boolean reported() {
      return reportedAt != null;
    }
  }

  /**
   * A funded bid as the results count it: its round, account, category, KAM, the expected 3-year margin it promised
   * and, once reported, the value it delivered.
   */
  public record FundedBid(long bidNo, long roundNo, String roundName, String accountId, String category, String kam,
      long promised, Long delivered) {}

  private final JdbcClient jdbc;

  public BidResultRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the schedule of a funded bid's report; a second call (a retried job) changes nothing. */
  public void schedule(BidResult result) {
    if (find(result.bidNo()).isPresent()) {
      return;
    }
    jdbc.sql("insert into kap_bid_result (bid_no, kam, delay_months, scheduled_at, report_due, reminder_at, "
            + "report_deadline) values (:bidNo, :kam, :months, :scheduled, :due, :reminder, :deadline)")
        .param("bidNo", result.bidNo())
        .param("kam", result.kam())
        .param("months", result.delayMonths())
        .param("scheduled", Timestamp.from(result.scheduledAt()))
        .param("due", Timestamp.from(result.reportDue()))
        .param("reminder", Timestamp.from(result.reminderAt()))
        .param("deadline", Timestamp.from(result.reportDeadline()))
        .update();
  }

  public Optional<BidResult> find(long bidNo) {
    return jdbc.sql("select * from kap_bid_result where bid_no = :bidNo").param("bidNo", bidNo)
        .query((rs, row) -> new BidResult(rs.getLong("bid_no"), rs.getString("kam"), rs.getInt("delay_months"),
            instant(rs, "scheduled_at"), instant(rs, "report_due"), instant(rs, "reminder_at"),
            instant(rs, "report_deadline"), instant(rs, "reminded_at"), instant(rs, "escalated_at"),
            (Long) rs.getObject("value_delivered", Long.class), rs.getString("narrative"), rs.getString("evidence"),
            rs.getString("reported_by"), instant(rs, "reported_at")))
        .list().stream().findFirst();
  }

  public void report(long bidNo, long delivered, String narrative, String evidence, String by, Instant at) {
    jdbc.sql("update kap_bid_result set value_delivered = :delivered, narrative = :narrative, evidence = :evidence, "
            + "reported_by = :by, reported_at = :at where bid_no = :bidNo")
        .param("delivered", delivered)
        .param("narrative", narrative)
        .param("evidence", evidence)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("bidNo", bidNo)
        .update();
  }

  public void reminded(long bidNo, Instant at) {
    jdbc.sql("update kap_bid_result set reminded_at = :at where bid_no = :bidNo")
        .param("at", Timestamp.from(at)).param("bidNo", bidNo).update();
  }

  public void escalated(long bidNo, Instant at) {
    jdbc.sql("update kap_bid_result set escalated_at = :at where bid_no = :bidNo")
        .param("at", Timestamp.from(at)).param("bidNo", bidNo).update();
  }

  /** The funded bids of the rounds of a plan year, reported or not, in the order of their rounds and ids. */
  public List<FundedBid> fundedOfYear(int planYear) {
    return jdbc.sql(FUNDED + "where r.plan_year = :year and b.status = 'FUNDED' order by b.round_no, b.bid_no")
        .param("year", planYear)
        .query(BidResultRepository::fundedBid)
        .list();
  }

  /** A KAM's funded bids with a results report, of other rounds than the given one: their track record. */
  public List<FundedBid> reportedOf(String kam, long otherThanRoundNo) {
    return jdbc.sql(FUNDED + "where b.kam = :kam and b.round_no <> :roundNo and b.status = 'FUNDED' "
            + "and res.reported_at is not null order by b.bid_no")
        .param("kam", kam)
        .param("roundNo", otherThanRoundNo)
        .query(BidResultRepository::fundedBid)
        .list();
  }

  private static final String FUNDED = "select b.bid_no, b.round_no, r.name, b.account_id, b.category, b.kam, "
      + "b.expected_margin, res.value_delivered from kap_bid b join kap_budget_round r on r.round_no = b.round_no "
      + "left join kap_bid_result res on res.bid_no = b.bid_no and res.reported_at is not null ";

  private static FundedBid fundedBid(ResultSet rs, int row) throws SQLException {
    return new FundedBid(rs.getLong("bid_no"), rs.getLong("round_no"), rs.getString("name"),
        rs.getString("account_id"), rs.getString("category"), rs.getString("kam"), rs.getLong("expected_margin"),
        rs.getObject("value_delivered", Long.class));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
