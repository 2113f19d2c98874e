package com.kap.portfolio.internal;

import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Segment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** kap_account_segment: each cycle year's segment per account, with the programme director's overrides. */
@Repository
public class CycleSegmentRepository {

  private static final String SELECT = "select cycle_year, account_id, attractiveness, strength, computed_segment, "
      + "override_segment, override_reason, overridden_by, overridden_at from kap_account_segment";
  private static final int BATCH_SIZE = 500;

  private final JdbcTemplate jdbc;

  public CycleSegmentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the computed segments of a year. Rows already there (a retried job, a re-run) get the new scores
   * and keep their override, so running it twice writes nothing twice.
   */
  public void saveComputed(int year, List<CycleSegment> segments) {
    Set<String> existing = new HashSet<>(jdbc.queryForList(
        "select account_id from kap_account_segment where cycle_year = ?", String.class, year));
    Map<Boolean, List<CycleSegment>> byExisting = segments.stream()
        .collect(Collectors.partitioningBy(s -> existing.contains(s.accountId())));
    jdbc.batchUpdate("update kap_account_segment set attractiveness = ?, strength = ?, computed_segment = ? "
            + "where cycle_year = ? and account_id = ?", byExisting.get(true), BATCH_SIZE, COMPUTED);
    jdbc.batchUpdate("insert into kap_account_segment (attractiveness, strength, computed_segment, cycle_year, "
        + "account_id) values (?, ?, ?, ?, ?)", byExisting.get(false), BATCH_SIZE, COMPUTED);
  }

  private static final ParameterizedPreparedStatementSetter<CycleSegment> COMPUTED = (ps, s) -> {
    ps.setBigDecimal(1, s.attractiveness());
    ps.setBigDecimal(2, s.strength());
    ps.setString(3, s.computedSegment().label());
    ps.setInt(4, s.year());
    ps.setString(5, s.accountId());
  };

  public void saveOverride(int year, String accountId, CycleSegment.Override override) {
    jdbc.update("update kap_account_segment set override_segment = ?, override_reason = ?, overridden_by = ?, "
            + "overridden_at = ? where cycle_year = ? and account_id = ?",
        override.segment().label(), override.reason(), override.by(), Timestamp.from(override.at()), year, accountId);
  }

  public int countByYear(int year) {
    return jdbc.queryForObject("select count(*) from kap_account_segment where cycle_year = ?", Integer.class, year);
  }

  /** A page of the year's account ids, in id order. */
  public List<String> accountIds(int year, int offset, int limit) {
    return jdbc.queryForList("select account_id from kap_account_segment where cycle_year = ? order by account_id "
        + "limit ? offset ?", String.class, year, limit, offset);
  }

  public void deleteYear(int year) {
    jdbc.update("delete from kap_account_segment where cycle_year = ?", year);
  }

  public List<CycleSegment> findByYear(int year) {
    return jdbc.query(SELECT + " where cycle_year = ? order by account_id", SEGMENT, year);
  }

  public Optional<CycleSegment> find(int year, String accountId) {
    return jdbc.query(SELECT + " where cycle_year = ? and account_id = ?", SEGMENT, year, accountId).stream()
        .findFirst();
  }

  public List<CycleSegment> findByAccount(String accountId) {
    return jdbc.query(SELECT + " where account_id = ? order by cycle_year", SEGMENT, accountId);
  }

  public List<CycleSegment> findAll() {
    return jdbc.query(SELECT + " order by account_id, cycle_year", SEGMENT);
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
