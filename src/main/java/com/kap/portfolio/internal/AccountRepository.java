package com.kap.portfolio.internal;

import com.kap.portfolio.Account;
import com.kap.portfolio.Criterion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
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

/**
 * kap_account: batched writes (JdbcClient has none, so through {@link NamedParameterJdbcTemplate}), because a
 * portfolio import writes thousands of rows at once.
 */
@Repository
public class AccountRepository {

  private static final String SCORE_COLUMNS =
      Arrays.stream(Criterion.values()).map(Criterion::column).collect(Collectors.joining(", "));
  private static final String SELECT =
      "select account_id, name, region, kam, sponsor, " + SCORE_COLUMNS + ", revenue, gross_margin from kap_account";
  private static final String INSERT = "insert into kap_account (name, region, kam, sponsor, " + SCORE_COLUMNS
      + ", revenue, gross_margin, updated_at, account_id) values (:name, :region, :kam, :sponsor, "
      + Arrays.stream(Criterion.values()).map(c -> ":" + c.column() + ", ").collect(Collectors.joining())
      + ":revenue, :grossMargin, :updatedAt, :accountId)";
  private static final String UPDATE = "update kap_account set name = :name, region = :region, kam = :kam, "
      + "sponsor = :sponsor, "
      + Arrays.stream(Criterion.values()).map(c -> c.column() + " = :" + c.column()).collect(Collectors.joining(", "))
      + ", revenue = :revenue, gross_margin = :grossMargin, updated_at = :updatedAt where account_id = :accountId";
  private static final int BATCH_SIZE = 500;
  private static final int ID_CHUNK = 1000;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public AccountRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  public List<Account> findAll() {
    return jdbc.sql(SELECT + " order by account_id").query(ACCOUNT).list();
  }

  public List<Account> findByKam(String kam) {
    return jdbc.sql(SELECT + " where kam = :kam order by account_id").param("kam", kam).query(ACCOUNT).list();
  }

  public List<Account> findBySponsor(String sponsor) {
    return jdbc.sql(SELECT + " where sponsor = :sponsor order by account_id").param("sponsor", sponsor)
        .query(ACCOUNT).list();
  }

  public Optional<Account> findById(String accountId) {
    return jdbc.sql(SELECT + " where account_id = :accountId").param("accountId", accountId).query(ACCOUNT).list()
        .stream().findFirst();
  }

  public List<String> regions() {
    return jdbc.sql("select distinct region from kap_account order by region").query(String.class).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from kap_account").query(Long.class).single();
  }

  /**
   * The accounts of these ids that exist, by id; with {@code lock}, their rows stay locked until the transaction
   * ends ({@code for update}), so that nobody changes them meanwhile. Asks in chunks of {@value #ID_CHUNK} ids.
   */
  public Map<String, Account> findByIds(Collection<String> ids, boolean lock) {
    List<String> sorted = ids.stream().distinct().sorted().toList();
    Map<String, Account> found = new HashMap<>();
    for (int from = 0; from < sorted.size(); from += ID_CHUNK) {
      List<String> chunk = sorted.subList(from, Math.min(from + ID_CHUNK, sorted.size()));
      jdbc.sql(SELECT + " where account_id in (:ids) order by account_id" + (lock ? " for update" : ""))
          .param("ids", chunk).query(ACCOUNT).list()
          .forEach(account -> found.put(account.accountId(), account));
    }
    return found;
  }

  public Set<String> findAllIds() {
    return new HashSet<>(jdbc.sql("select account_id from kap_account").query(String.class).list());
  }

  public void insertAll(List<Account> accounts, Instant now) {
    write(INSERT, accounts, now);
  }

  public void updateAll(List<Account> accounts, Instant now) {
    write(UPDATE, accounts, now);
  }

  /** Writes in batches of {@value #BATCH_SIZE} rows. */
  private void write(String sql, List<Account> accounts, Instant now) {
    Timestamp updatedAt = Timestamp.from(now);
    for (int from = 0; from < accounts.size(); from += BATCH_SIZE) {
      batches.batchUpdate(sql, accounts.subList(from, Math.min(from + BATCH_SIZE, accounts.size())).stream()
          .map(account -> parameters(account, updatedAt)).toArray(SqlParameterSource[]::new));
    }
  }

  private static SqlParameterSource parameters(Account account, Timestamp updatedAt) {
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("name", account.name())
        .addValue("region", account.region())
        .addValue("kam", account.kam())
        .addValue("sponsor", account.sponsor());
    for (Criterion criterion : Criterion.values()) {
      parameters.addValue(criterion.column(), (int) account.scores().get(criterion), Types.INTEGER);
    }
    return parameters
        .addValue("revenue", account.revenue(), Types.DECIMAL)
        .addValue("grossMargin", account.grossMargin(), Types.DECIMAL)
        .addValue("updatedAt", updatedAt)
        .addValue("accountId", account.accountId());
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
