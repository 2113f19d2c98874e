package com.kap.planning.internal;

import com.kap.planning.AccountPlan;
import com.kap.planning.PlanContent;
import com.kap.planning.PlanVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** kap_account_plan and kap_plan_version. */
@Repository
public class AccountPlanRepository {

  private static final String ISSUE_SEPARATOR = "\n";

  private final JdbcTemplate jdbc;

  public AccountPlanRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers a plan; the primary key (year, account) refuses a second one. */
  public void insert(AccountPlan plan) {
    jdbc.update("insert into kap_account_plan (cycle_year, account_id, process_instance_id, kam, segment, status, "
            + "started_at) values (?, ?, ?, ?, ?, ?, ?)", plan.year(), plan.accountId(), plan.processInstanceId(),
        plan.kam(), plan.segment(), plan.status().name(), Timestamp.from(plan.startedAt()));
  }

  public Optional<AccountPlan> find(int year, String accountId) {
    return jdbc.query("select * from kap_account_plan where cycle_year = ? and account_id = ?", AccountPlanRepository::plan,
        year, accountId).stream().findFirst();
  }

  public List<AccountPlan> findByYear(int year) {
    return jdbc.query("select * from kap_account_plan where cycle_year = ? order by account_id",
        AccountPlanRepository::plan, year);
  }

  public void recordServiceLevel(int year, String accountId, String planDepth, boolean sponsorRequired) {
    jdbc.update("update kap_account_plan set plan_depth = ?, sponsor_required = ? where cycle_year = ? and account_id = ?",
        planDepth, sponsorRequired, year, accountId);
  }

  /** The number of the plan's latest submitted version, or 0 before the first. */
  public int latestVersion(int year, String accountId) {
    return jdbc.queryForObject("select coalesce(max(version), 0) from kap_plan_version where cycle_year = ? "
        + "and account_id = ?", Integer.class, year, accountId);
  }

  public void updateStatus(int year, String accountId, AccountPlan.Status status) {
    jdbc.update("update kap_account_plan set status = ? where cycle_year = ? and account_id = ?", status.name(), year,
        accountId);
  }

  public void approve(int year, String accountId, int version, Instant at) {
    jdbc.update("update kap_account_plan set status = ?, approved_at = ?, approved_version = ? "
        + "where cycle_year = ? and account_id = ?", AccountPlan.Status.APPROVED.name(), Timestamp.from(at), version,
        year, accountId);
  }

  public int addVersion(int year, String accountId, String submittedBy, Instant at, PlanContent content,
      List<String> qualityIssues) {
    int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from kap_plan_version "
        + "where cycle_year = ? and account_id = ?", Integer.class, year, accountId);
    jdbc.update("insert into kap_plan_version (cycle_year, account_id, version, submitted_by, submitted_at, content, "
            + "quality_passed, quality_issues) values (?, ?, ?, ?, ?, ?, ?, ?)", year, accountId, version, submittedBy,
        Timestamp.from(at), PlanForm.toJson(content), qualityIssues.isEmpty(),
        qualityIssues.isEmpty() ? null : String.join(ISSUE_SEPARATOR, qualityIssues));
    return version;
  }

  public void recordSponsorReview(int year, String accountId, int version, String comments, String touchpoints,
      String by) {
    jdbc.update("update kap_plan_version set sponsor_comments = ?, sponsor_touchpoints = ?, reviewed_by = ? "
        + "where cycle_year = ? and account_id = ? and version = ?", comments, touchpoints, by, year, accountId, version);
  }

  public void recordDecision(int year, String accountId, int version, String decision, String comments, String by,
      Instant at) {
    jdbc.update("update kap_plan_version set decision = ?, decision_comments = ?, decided_by = ?, decided_at = ? "
            + "where cycle_year = ? and account_id = ? and version = ?", decision, comments, by, Timestamp.from(at),
        year, accountId, version);
  }

  public List<PlanVersion> versions(int year, String accountId) {
    return jdbc.query("select * from kap_plan_version where cycle_year = ? and account_id = ? order by version",
        AccountPlanRepository::version, year, accountId);
  }

  /** The latest submission of every plan of the year (for training needs and the dashboard). */
  public Map<String, PlanVersion> latestVersions(int year) {
    Map<String, PlanVersion> latest = new LinkedHashMap<>();
    jdbc.query("select v.* from kap_plan_version v where v.cycle_year = ? and v.version = (select max(version) "
        + "from kap_plan_version w where w.cycle_year = v.cycle_year and w.account_id = v.account_id) "
        + "order by v.account_id", rs -> {
          latest.put(rs.getString("account_id"), version(rs, 0));
        }, year);
    return latest;
  }

  /** The approved content of an account's plan in a year, to pre-fill the next year's draft. */
  public Optional<PlanContent> approvedContent(int year, String accountId) {
    return jdbc.queryForList("select v.content from kap_plan_version v join kap_account_plan p on "
            + "p.cycle_year = v.cycle_year and p.account_id = v.account_id and p.approved_version = v.version "
            + "where p.cycle_year = ? and p.account_id = ?", String.class, year, accountId)
        .stream().findFirst().map(PlanForm::fromJson);
  }

  /** Removes a year's plans and their versions: what a cancelled cycle leaves. */
  public void deleteYear(int year) {
    jdbc.update("delete from kap_plan_version where cycle_year = ?", year);
    jdbc.update("delete from kap_account_plan where cycle_year = ?", year);
  }

  private static AccountPlan plan(ResultSet rs, int row) throws SQLException {
    Timestamp approvedAt = rs.getTimestamp("approved_at");
    Integer approvedVersion = rs.getObject("approved_version", Integer.class);
    return new AccountPlan(rs.getInt("cycle_year"), rs.getString("account_id"), rs.getString("process_instance_id"),
        rs.getString("kam"), rs.getString("segment"), AccountPlan.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("started_at").toInstant(), approvedAt == null ? null : approvedAt.toInstant(),
        approvedVersion, rs.getString("plan_depth"), rs.getObject("sponsor_required", Boolean.class));
  }

  private static PlanVersion version(ResultSet rs, int row) throws SQLException {
    String issues = rs.getString("quality_issues");
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new PlanVersion(rs.getInt("version"), rs.getString("submitted_by"), rs.getTimestamp("submitted_at")
        .toInstant(), PlanForm.fromJson(rs.getString("content")), rs.getBoolean("quality_passed"),
        issues == null ? List.of() : Arrays.asList(issues.split(ISSUE_SEPARATOR)), rs.getString("sponsor_comments"),
        rs.getString("sponsor_touchpoints"), rs.getString("reviewed_by"), rs.getString("decision"),
        rs.getString("decision_comments"), rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant());
  }
}
