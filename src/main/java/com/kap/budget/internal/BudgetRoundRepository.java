package com.kap.budget.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class BudgetRoundRepository {

  private static final String COLUMNS = "round_no, name, scope, plan_year, envelope, reserve_percent, region_minimums, "
      + "call_deadline, "
      + "chair, status, bids_to_score, bids_scored, reserve_drawn, process_instance_id";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public BudgetRoundRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Inserts the round and returns its number. */
  public long insert(BudgetRound round, List<String> members, String openedBy, Instant openedAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into kap_budget_round (name, scope, plan_year, envelope, "
          + "reserve_percent, call_deadline, chair, status, process_instance_id, opened_by, opened_at, region_minimums) "
          + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"round_no"});
      statement.setString(1, round.name());
      statement.setString(2, round.scope());
      statement.setInt(3, round.planYear());
      statement.setLong(4, round.envelope());
      statement.setBigDecimal(5, round.reservePercent());
      statement.setTimestamp(6, Timestamp.from(round.callDeadline()));
      statement.setString(7, round.chair());
      statement.setString(8, BudgetRound.Status.OPEN.name());
      statement.setString(9, round.processInstanceId());
      statement.setString(10, openedBy);
      statement.setTimestamp(11, Timestamp.from(openedAt));
      statement.setString(12, RegionMinimums.format(round.regionMinimums()));
      return statement;
    }, key);
    long roundNo = key.getKey().longValue();
    jdbc.batchUpdate("insert into kap_round_member (round_no, member) values (?, ?)",
        members.stream().map(m -> new Object[] {roundNo, m}).toList());
    return roundNo;
  }

  /** Makes the round the open one of its scope; a second open round of the same scope breaks the primary key. */
  public void claimScope(String scope, long roundNo) {
    jdbc.update("insert into kap_open_round (scope, round_no) values (?, ?)", scope, roundNo);
  }

  public void releaseScope(long roundNo) {
    jdbc.update("delete from kap_open_round where round_no = ?", roundNo);
  }

  public Optional<BudgetRound> find(long roundNo) {
    return jdbc.query("select " + COLUMNS + " from kap_budget_round where round_no = ?", this::round, roundNo)
        .stream().findFirst();
  }

  public List<BudgetRound> findAll() {
    return jdbc.query("select " + COLUMNS + " from kap_budget_round order by round_no", this::round);
  }

  /** The open round a bid of this region joins: the region's own, else the global one. */
  public Optional<BudgetRound> openRoundFor(String region) {
    return jdbc.query("select r.round_no from kap_open_round o join kap_budget_round r on r.round_no = o.round_no "
            + "where r.status = 'OPEN' and o.scope in (?, ?) order by case when o.scope = ? then 0 else 1 end",
            (rs, row) -> rs.getLong(1), region, BudgetRound.GLOBAL, region)
        .stream().findFirst().flatMap(this::find);
  }

  public List<String> members(long roundNo) {
    return jdbc.queryForList("select member from kap_round_member where round_no = ? order by member", String.class,
        roundNo);
  }

  public void updateStatus(long roundNo, BudgetRound.Status status) {
    jdbc.update("update kap_budget_round set status = ? where round_no = ?", status.name(), roundNo);
  }

  public void startScoring(long roundNo, int bidsToScore) {
    jdbc.update("update kap_budget_round set status = ?, bids_to_score = ? where round_no = ?",
        BudgetRound.Status.SCORING.name(), bidsToScore, roundNo);
  }

  /** Counts one more scored bid and returns the count; the update locks the round's row. */
  public int countScored(long roundNo) {
    jdbc.update("update kap_budget_round set bids_scored = bids_scored + 1 where round_no = ?", roundNo);
    return jdbc.queryForObject("select bids_scored from kap_budget_round where round_no = ?", Integer.class, roundNo);
  }

  /** Whether every eligible bid is scored, with the round's row locked until the transaction ends. */
  public boolean lockAllScored(long roundNo) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "select bids_scored >= bids_to_score from kap_budget_round where round_no = ? for update", Boolean.class,
        roundNo));
  }

  /** Stores the optimiser's proposal (as JSON) and moves the round on to the chair's decision. */
  public void saveRecommendation(long roundNo, Recommendation recommendation) {
    try {
      jdbc.update("update kap_budget_round set recommendation = ?, status = ? where round_no = ?",
          json.writeValueAsString(recommendation), BudgetRound.Status.DECIDING.name(), roundNo);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store the recommendation of " + BudgetIds.round(roundNo), e);
    }
  }

  public Optional<Recommendation> recommendation(long roundNo) {
    return jdbc.queryForList("select recommendation from kap_budget_round where round_no = ?", String.class, roundNo)
        .stream().filter(java.util.Objects::nonNull).findFirst().map(stored -> {
          try {
            return json.readValue(stored, Recommendation.class);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the recommendation of " + BudgetIds.round(roundNo), e);
          }
        });
  }

  public void recordDecision(long roundNo, long reserveDrawn, String note, String by, Instant at) {
    jdbc.update("update kap_budget_round set reserve_drawn = ?, decision_note = ?, decided_by = ?, decided_at = ? "
        + "where round_no = ?", reserveDrawn, note, by, Timestamp.from(at), roundNo);
  }

  /**
   * Draws an amount from the round's reserve if enough is left; false otherwise. One statement, so two appeals
   * upheld at once cannot overdraw it.
   */
  public boolean drawReserve(long roundNo, long amount) {
    return jdbc.update("update kap_budget_round set reserve_drawn = reserve_drawn + ? where round_no = ? and "
        + "reserve_drawn + ? <= floor(envelope * reserve_percent / 100)", amount, roundNo, amount) == 1;
  }

  public Optional<String> decisionNote(long roundNo) {
    return jdbc.queryForList("select decision_note from kap_budget_round where round_no = ?", String.class, roundNo)
        .stream().filter(java.util.Objects::nonNull).findFirst();
  }

  private BudgetRound round(ResultSet rs, int row) throws SQLException {
    return new BudgetRound(rs.getLong("round_no"), rs.getString("name"), rs.getString("scope"), rs.getInt("plan_year"),
        rs.getLong("envelope"), rs.getBigDecimal("reserve_percent"), RegionMinimums.parse(rs.getString("region_minimums")),
        rs.getTimestamp("call_deadline").toInstant(),
        rs.getString("chair"), BudgetRound.Status.valueOf(rs.getString("status")), rs.getInt("bids_to_score"),
        rs.getInt("bids_scored"), rs.getLong("reserve_drawn"), rs.getString("process_instance_id"));
  }
}
