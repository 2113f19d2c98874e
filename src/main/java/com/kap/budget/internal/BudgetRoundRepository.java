package com.kap.budget.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.budget.Recommendation;
import com.kap.budget.RoundStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class BudgetRoundRepository {

  /** Enables segment envelopes for the round (its start form's checkbox). */
  public void enableSegmentEnvelopes(long roundNo) {
    jdbc.sql("update kap_budget_round set segment_envelopes = true where round_no = ?").param(roundNo).update();
  }

  /** Whether the round's allocation keeps each segment within its envelope. */
  public boolean segmentEnvelopes(long roundNo) {
    return Boolean.TRUE.equals(jdbc.sql("select segment_envelopes from kap_budget_round where round_no = ?")
        .param(roundNo).query(Boolean.class).single());
  }

  private static final String COLUMNS = "round_no, name, scope, plan_year, envelope, reserve_percent, region_minimums, "
      + "call_deadline, "
      + "chair, status, bids_to_score, bids_scored, reserve_drawn, process_instance_id";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;
  private final ObjectMapper json;

  public BudgetRoundRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches, ObjectMapper json) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.json = json;
  }

  /** Inserts the round and returns its number. */
  public long insert(BudgetRound round, List<String> members, String openedBy, Instant openedAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into kap_budget_round (name, scope, plan_year, envelope, reserve_percent, call_deadline, chair, "
            + "status, process_instance_id, opened_by, opened_at, region_minimums) values (:name, :scope, :planYear, "
            + ":envelope, :reservePercent, :callDeadline, :chair, :status, :processInstanceId, :openedBy, :openedAt, "
            + ":regionMinimums)")
        .param("name", round.name())
        .param("scope", round.scope())
        .param("planYear", round.planYear())
        .param("envelope", round.envelope())
        .param("reservePercent", round.reservePercent(), Types.DECIMAL)
        .param("callDeadline", Timestamp.from(round.callDeadline()))
        .param("chair", round.chair())
        .param("status", RoundStatus.OPEN.name())
        .param("processInstanceId", round.processInstanceId())
        .param("openedBy", openedBy)
        .param("openedAt", Timestamp.from(openedAt))
        .param("regionMinimums", RegionMinimums.format(round.regionMinimums()))
        .update(key, "round_no");
    long roundNo = key.getKey().longValue();
    batches.batchUpdate("insert into kap_round_member (round_no, member) values (:roundNo, :member)",
        members.stream().map(m -> new MapSqlParameterSource().addValue("roundNo", roundNo).addValue("member", m))
            .toArray(SqlParameterSource[]::new));
    return roundNo;
  }

  /** Makes the round the open one of its scope; a second open round of the same scope breaks the primary key. */
  public void claimScope(String scope, long roundNo) {
    jdbc.sql("insert into kap_open_round (scope, round_no) values (:scope, :roundNo)")
        .param("scope", scope).param("roundNo", roundNo).update();
  }

  public void releaseScope(long roundNo) {
    jdbc.sql("delete from kap_open_round where round_no = :roundNo").param("roundNo", roundNo).update();
  }

  public Optional<BudgetRound> find(long roundNo) {
    return jdbc.sql("select " + COLUMNS + " from kap_budget_round where round_no = :roundNo")
        .param("roundNo", roundNo).query(this::round).list().stream().findFirst();
  }

  public List<BudgetRound> findAll() {
    return jdbc.sql("select " + COLUMNS + " from kap_budget_round order by round_no").query(this::round).list();
  }

  /** The open round a bid of this region joins: the region's own, else the global one. */
  public Optional<BudgetRound> openRoundFor(String region) {
    return jdbc.sql("select r.round_no from kap_open_round o join kap_budget_round r on r.round_no = o.round_no "
            + "where r.status = 'OPEN' and o.scope in (:region, :global) "
            + "order by case when o.scope = :region then 0 else 1 end")
        .param("region", region).param("global", BudgetRound.GLOBAL)
        .query((rs, row) -> rs.getLong(1)).list().stream().findFirst().flatMap(this::find);
  }

  public List<String> members(long roundNo) {
    return jdbc.sql("select member from kap_round_member where round_no = :roundNo order by member")
        .param("roundNo", roundNo).query(String.class).list();
  }

  public void updateStatus(long roundNo, RoundStatus status) {
    jdbc.sql("update kap_budget_round set status = :status where round_no = :roundNo")
        .param("status", status.name()).param("roundNo", roundNo).update();
  }

  public void startScoring(long roundNo, int bidsToScore) {
    jdbc.sql("update kap_budget_round set status = :status, bids_to_score = :bidsToScore where round_no = :roundNo")
        .param("status", RoundStatus.SCORING.name())
        .param("bidsToScore", bidsToScore)
        .param("roundNo", roundNo)
        .update();
  }

  /** Counts one more scored bid and returns the count; the update locks the round's row. */
  public int countScored(long roundNo) {
    jdbc.sql("update kap_budget_round set bids_scored = bids_scored + 1 where round_no = :roundNo")
        .param("roundNo", roundNo).update();
    return jdbc.sql("select bids_scored from kap_budget_round where round_no = :roundNo")
        .param("roundNo", roundNo).query(Integer.class).single();
  }

  /** Whether every eligible bid is scored, with the round's row locked until the transaction ends. */
  public boolean lockAllScored(long roundNo) {
    return Boolean.TRUE.equals(DataAccessUtils.nullableSingleResult(jdbc.sql(
            "select bids_scored >= bids_to_score from kap_budget_round where round_no = :roundNo for update")
        .param("roundNo", roundNo).query(Boolean.class).list()));
  }

  /** Stores the optimiser's proposal (as JSON) and moves the round on to the chair's decision. */
  public void saveRecommendation(long roundNo, Recommendation recommendation) {
    try {
      jdbc.sql("update kap_budget_round set recommendation = :recommendation, status = :status "
              + "where round_no = :roundNo")
          .param("recommendation", json.writeValueAsString(recommendation))
          .param("status", RoundStatus.DECIDING.name())
          .param("roundNo", roundNo)
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store the recommendation of " + BudgetIds.round(roundNo), e);
    }
  }

  public Optional<Recommendation> recommendation(long roundNo) {
    return jdbc.sql("select recommendation from kap_budget_round where round_no = :roundNo")
        .param("roundNo", roundNo).query(String.class).list()
        .stream().filter(java.util.Objects::nonNull).findFirst().map(stored -> {
          try {
            return json.readValue(stored, Recommendation.class);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the recommendation of " + BudgetIds.round(roundNo), e);
          }
        });
  }

  public void recordDecision(long roundNo, long reserveDrawn, String note, String by, Instant at) {
    jdbc.sql("update kap_budget_round set reserve_drawn = :reserveDrawn, decision_note = :note, decided_by = :by, "
            + "decided_at = :at where round_no = :roundNo")
        .param("reserveDrawn", reserveDrawn)
        .param("note", note)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("roundNo", roundNo)
        .update();
  }

  /**
   * Draws an amount from the round's reserve if enough is left; false otherwise. One statement, so two appeals
   * upheld at once cannot overdraw it.
   */
  public boolean drawReserve(long roundNo, long amount) {
    return jdbc.sql("update kap_budget_round set reserve_drawn = reserve_drawn + :amount where round_no = :roundNo "
            + "and reserve_drawn + :amount <= floor(envelope * reserve_percent / 100)")
        .param("amount", amount)
        .param("roundNo", roundNo)
        .update() == 1;
  }

  public Optional<String> decisionNote(long roundNo) {
    return jdbc.sql("select decision_note from kap_budget_round where round_no = :roundNo")
        .param("roundNo", roundNo).query(String.class).list()
        .stream().filter(java.util.Objects::nonNull).findFirst();
  }

  private BudgetRound round(ResultSet rs, int row) throws SQLException {
    return new BudgetRound(rs.getLong("round_no"), rs.getString("name"), rs.getString("scope"), rs.getInt("plan_year"),
        rs.getLong("envelope"), rs.getBigDecimal("reserve_percent"), RegionMinimums.parse(rs.getString("region_minimums")),
        rs.getTimestamp("call_deadline").toInstant(),
        rs.getString("chair"), RoundStatus.valueOf(rs.getString("status")), rs.getInt("bids_to_score"),
        rs.getInt("bids_scored"), rs.getLong("reserve_drawn"), rs.getString("process_instance_id"));
  }
}
