package com.kap.portfolio.internal;

import com.kap.portfolio.Account;
import com.kap.portfolio.Criterion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** kap_account: plain JDBC, batched, because a portfolio import writes thousands of rows at once. */
@Repository
public class AccountRepository {

  private static final String SCORE_COLUMNS =
      Arrays.stream(Criterion.values()).map(Criterion::column).collect(Collectors.joining(", "));
  private static final String SELECT =
      "select account_id, name, region, kam, sponsor, " + SCORE_COLUMNS + ", revenue, gross_margin from kap_account";
  private static final String INSERT = "insert into kap_account (name, region, kam, sponsor, " + SCORE_COLUMNS
      + ", revenue, gross_margin, updated_at, account_id) values (?, ?, ?, ?, "
      + "?, ".repeat(Criterion.values().length) + "?, ?, ?, ?)";
  private static final String UPDATE = "update kap_account set name = ?, region = ?, kam = ?, sponsor = ?, "
      + Arrays.stream(Criterion.values()).map(c -> c.column() + " = ?").collect(Collectors.joining(", "))
      + ", revenue = ?, gross_margin = ?, updated_at = ? where account_id = ?";
  private static final int BATCH_SIZE = 500;

  private final JdbcTemplate jdbc;

  public AccountRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Account> findAll() {
    return jdbc.query(SELECT + " order by account_id", ACCOUNT);
  }

  public List<Account> findByKam(String kam) {
    return jdbc.query(SELECT + " where kam = ? order by account_id", ACCOUNT, kam);
  }

  public List<Account> findBySponsor(String sponsor) {
    return jdbc.query(SELECT + " where sponsor = ? order by account_id", ACCOUNT, sponsor);
  }

  public Optional<Account> findById(String accountId) {
    return jdbc.query(SELECT + " where account_id = ?", ACCOUNT, accountId).stream().findFirst();
  }

  public List<String> regions() {
    return jdbc.queryForList("select distinct region from kap_account order by region", String.class);
  }

  public long count() {
    return jdbc.queryForObject("select count(*) from kap_account", Long.class);
  }

  public Set<String> findAllIds() {
    return new HashSet<>(jdbc.queryForList("select account_id from kap_account", String.class));
  }

  public void insertAll(List<Account> accounts, Instant now) {
    write(INSERT, accounts, now);
  }

  public void updateAll(List<Account> accounts, Instant now) {
    write(UPDATE, accounts, now);
  }

  private void write(String sql, List<Account> accounts, Instant now) {
    Timestamp updatedAt = Timestamp.from(now);
    jdbc.batchUpdate(sql, accounts, BATCH_SIZE, (ps, account) -> {
      int i = 1;
      ps.setString(i++, account.name());
      ps.setString(i++, account.region());
      ps.setString(i++, account.kam());
      ps.setString(i++, account.sponsor());
      for (Criterion criterion : Criterion.values()) {
        ps.setInt(i++, account.scores().get(criterion));
      }
      ps.setObject(i++, account.revenue(), Types.DECIMAL);
      ps.setObject(i++, account.grossMargin(), Types.DECIMAL);
      ps.setTimestamp(i++, updatedAt);
      ps.setString(i, account.accountId());
    });
  }

  private static final RowMapper<Account> ACCOUNT = AccountRepository::mapAccount;

  private static Account mapAccount(ResultSet rs, int row) throws SQLException {
    Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
    for (Criterion criterion : Criterion.values()) {
      scores.put(criterion, rs.getInt(criterion.column()));
    }
    return new Account(rs.getString("account_id"), rs.getString("name"), rs.getString("region"),
        rs.getString("kam"), rs.getString("sponsor"), scores, rs.getBigDecimal("revenue"),
        rs.getBigDecimal("gross_margin"));
  }
}
