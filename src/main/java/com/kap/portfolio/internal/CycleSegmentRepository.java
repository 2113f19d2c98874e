package com.kap.portfolio.internal;

import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Segment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** kap_account_segment: each cycle year's segment per account, with the programme director's overrides. */
@Repository
public class CycleSegmentRepository {

  private static final String SELECT = "select cycle_year, account_id, attractiveness, strength, computed_segment, "
      + "override_segment, override_reason, overridden_by, overridden_at from kap_account_segment";
  private static final int BATCH_SIZE = 500;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public CycleSegmentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /**
   * Stores the computed segments of a year. Rows already there (a retried job, a re-run) get the new scores
   * and keep their override, so running it twice writes nothing twice.
   */
  public void saveComputed(int year, List<CycleSegment> segments) {
    Set<String> existing = new HashSet<>(jdbc.sql("select account_id from kap_account_segment where cycle_year = :year")
        .param("year", year).query(String.class).list());
    Map<Boolean, List<CycleSegment>> byExisting = segments.stream()
        .collect(Collectors.partitioningBy(s -> existing.contains(s.accountId())));
    batch("update kap_account_segment set attractiveness = :attractiveness, strength = :strength, "
        + "computed_segment = :computedSegment where cycle_year = :year and account_id = :accountId",
        byExisting.get(true));
    batch("insert into kap_account_segment (attractiveness, strength, computed_segment, cycle_year, account_id) "
        + "values (:attractiveness, :strength, :computedSegment, :year, :accountId)", byExisting.get(false));
  }

  /** Writes the computed scores in batches of {@value #BATCH_SIZE} rows (JdbcClient has no batches). */
  private void batch(String sql, List<CycleSegment> segments) {
    for (int from = 0; from < segments.size(); from += BATCH_SIZE) {
      batches.batchUpdate(sql, segments.subList(from, Math.min(from + BATCH_SIZE, segments.size())).stream()
          .map(CycleSegmentRepository::computed).toArray(SqlParameterSource[]::new));
    }
  }

  private static SqlParameterSource computed(CycleSegment s) {
    return new MapSqlParameterSource()
        .addValue("attractiveness", s.attractiveness(), Types.DECIMAL)
        .addValue("strength", s.strength(), Types.DECIMAL)
        .addValue("computedSegment", s.computedSegment().label())
        .addValue("year", s.year())
        .addValue("accountId", s.accountId());
  }

  public void saveOverride(int year, String accountId, CycleSegment.Override override) {
    jdbc.sql("update kap_account_segment set override_segment = :segment, override_reason = :reason, "
            + "overridden_by = :by, overridden_at = :at where cycle_year = :year and account_id = :accountId")
        .param("segment", override.segment().label())
        .param("reason", override.reason())
        .param("by", override.by())
        .param("at", Timestamp.from(override.at()))
        .param("year", year)
        .param("accountId", accountId)
        .update();
  }

  public int countByYear(int year) {
    return jdbc.sql("select count(*) from kap_account_segment where cycle_year = :year").param("year", year)
        .query(Integer.class).single();
  }

  /** A page of the year's account ids, in id order. */
  public List<String> accountIds(int year, int offset, int limit) {
    return jdbc.sql("select account_id from kap_account_segment where cycle_year = :year order by account_id "
            + "limit :limit offset :offset")
        .param("year", year).param("limit", limit).param("offset", offset)
        .query(String.class).list();
  }

  public void deleteYear(int year) {
    jdbc.sql("delete from kap_account_segment where cycle_year = :year").param("year", year).update();
  }

  public List<CycleSegment> findByYear(int year) {
    return jdbc.sql(SELECT + " where cycle_year = :year order by account_id").param("year", year).query(SEGMENT)
        .list();
  }

  public Optional<CycleSegment> find(int year, String accountId) {
    return jdbc.sql(SELECT + " where cycle_year = :year and account_id = :accountId")
        .param("year", year).param("accountId", accountId)
        .query(SEGMENT).list().stream().findFirst();
  }

  public List<CycleSegment> findByAccount(String accountId) {
    return jdbc.sql(SELECT + " where account_id = :accountId order by cycle_year").param("accountId", accountId)
        .query(SEGMENT).list();
  }

  public List<CycleSegment> findAll() {
    return jdbc.sql(SELECT + " order by account_id, cycle_year").query(SEGMENT).list();
  }

  private static final RowMapper<CycleSegment> SEGMENT = CycleSegmentRepository::mapSegment;

  private static CycleSegment mapSegment(ResultSet rs, int row) throws SQLException {
    String overrideSegment = rs.getString("override_segment");
    CycleSegment.Override override = overrideSegment == null ? null : new CycleSegment.Override(
        Segment.byLabel(overrideSegment).orElseThrow(), rs.getString("override_reason"),
        rs.getString("overridden_by"), rs.getTimestamp("overridden_at").toInstant());
    return new CycleSegment(rs.getInt("cycle_year"), rs.getString("account_id"), rs.getBigDecimal("attractiveness"),
        rs.getBigDecimal("strength"), Segment.byLabel(rs.getString("computed_segment")).orElseThrow(), override);
  }
}
