package com.kap.planning.internal;

import com.kap.planning.AccountPlan;
import com.kap.planning.PlanContent;
import com.kap.planning.PlanForm;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** kap_account_plan and kap_plan_version. */
@Repository
public class AccountPlanRepository {

  private static final String ISSUE_SEPARATOR = "\n";

  private final JdbcClient jdbc;

  public AccountPlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers a plan; the primary key (year, account) refuses a second one. */
  public void insert(AccountPlan plan) {
    jdbc.sql("insert into kap_account_plan (cycle_year, account_id, process_instance_id, kam, segment, status, "
            + "started_at) values (:year, :accountId, :processInstanceId, :kam, :segment, :status, :startedAt)")
        .param("year", plan.year())
        .param("accountId", plan.accountId())
        .param("processInstanceId", plan.processInstanceId())
        .param("kam", plan.kam())
        .param("segment", plan.segment())
        .param("status", plan.status().name())
        .param("startedAt", Timestamp.from(plan.startedAt()))
        .update();
  }

  public Optional<AccountPlan> find(int year, String accountId) {
    return jdbc.sql("select * from kap_account_plan where cycle_year = :year and account_id = :accountId")
        .param("year", year).param("accountId", accountId)
        .query(AccountPlanRepository::plan).list().stream().findFirst();
  }

  public List<AccountPlan> findByYear(int year) {
    return jdbc.sql("select * from kap_account_plan where cycle_year = :year order by account_id")
        .param("year", year).query(AccountPlanRepository::plan).list();
  }

  /** The account's plans of every year, newest year first. */
  public List<AccountPlan> findByAccount(String accountId) {
    return jdbc.sql("select * from kap_account_plan where account_id = :accountId order by cycle_year desc")
        .param("accountId", accountId).query(AccountPlanRepository::plan).list();
  }

  public void recordServiceLevel(int year, String accountId, String planDepth, boolean sponsorRequired) {
    jdbc.sql("update kap_account_plan set plan_depth = :planDepth, sponsor_required = :sponsorRequired "
            + "where cycle_year = :year and account_id = :accountId")
        .param("planDepth", planDepth)
        .param("sponsorRequired", sponsorRequired)
        .param("year", year)
        .param("accountId", accountId)
        .update();
  }

  /** The number of the plan's latest submitted version, or 0 before the first. */
  public int latestVersion(int year, String accountId) {
    return jdbc.sql("select coalesce(max(version), 0) from kap_plan_version where cycle_year = :year "
            + "and account_id = :accountId")
        .param("year", year).param("accountId", accountId)
        .query(Integer.class).single();
  }

  public void updateStatus(int year, String accountId, AccountPlan.Status status) {
    jdbc.sql("update kap_account_plan set status = :status where cycle_year = :year and account_id = :accountId")
        .param("status", status.name())
        .param("year", year)
        .param("accountId", accountId)
        .update();
  }

  /**
   * Marks the year's plans still drafted or in review as closed unapproved, when their processes end with the cycle.
   * A plan approved meanwhile stays approved: only open rows change.
   *
   * @return how many plans were closed
   */
  public int closeOpen(int year) {
    return jdbc.sql("update kap_account_plan set status = :closed where cycle_year = :year and status in (:open)")
        .param("closed", AccountPlan.Status.CLOSED.name())
        .param("year", year)
        .param("open", List.of(AccountPlan.Status.DRAFTING.name(), AccountPlan.Status.IN_REVIEW.name()))
        .update();
  }

  /**
   * Whether any of the year's plans is still drafted or in review: one index seek (V10) that stops at the first, so
   * that the check after each approval costs the same at 10,000 plans as at 10.
   */
  public boolean anyOpen(int year) {
    return jdbc.sql("select exists (select 1 from kap_account_plan where cycle_year = :year and status in (:open))")
        .param("year", year)
        .param("open", List.of(AccountPlan.Status.DRAFTING.name(), AccountPlan.Status.IN_REVIEW.name()))
        .query(Boolean.class).single();
  }

  /** How many of the year's plans are approved (their rows only; no other plan's row is read or locked). */
  public int countApproved(int year) {
    return jdbc.sql("select count(*) from kap_account_plan where cycle_year = :year and status = :status")
        .param("year", year).param("status", AccountPlan.Status.APPROVED.name()).query(Integer.class).single();
  }

  public void approve(int year, String accountId, int version, Instant at) {
    jdbc.sql("update kap_account_plan set status = :status, approved_at = :at, approved_version = :version "
            + "where cycle_year = :year and account_id = :accountId")
        .param("status", AccountPlan.Status.APPROVED.name())
        .param("at", Timestamp.from(at))
        .param("version", version)
        .param("year", year)
        .param("accountId", accountId)
        .update();
  }

  public int addVersion(int year, String accountId, String submittedBy, Instant at, PlanContent content,
      List<String> qualityIssues) {
    int version = jdbc.sql("select coalesce(max(version), 0) + 1 from kap_plan_version "
            + "where cycle_year = :year and account_id = :accountId")
        .param("year", year).param("accountId", accountId)
        .query(Integer.class).single();
    jdbc.sql("insert into kap_plan_version (cycle_year, account_id, version, submitted_by, submitted_at, content, "
            + "quality_passed, quality_issues) values (:year, :accountId, :version, :submittedBy, :submittedAt, "
            + ":content, :qualityPassed, :qualityIssues)")
        .param("year", year)
        .param("accountId", accountId)
        .param("version", version)
        .param("submittedBy", submittedBy)
        .param("submittedAt", Timestamp.from(at))
        .param("content", PlanForm.toJson(content))
        .param("qualityPassed", qualityIssues.isEmpty())
        .param("qualityIssues", qualityIssues.isEmpty() ? null : String.join(ISSUE_SEPARATOR, qualityIssues))
        .update();
    return version;
  }

  public void recordSponsorReview(int year, String accountId, int version, String comments, String touchpoints,
      String by) {
    jdbc.sql("update kap_plan_version set sponsor_comments = :comments, sponsor_touchpoints = :touchpoints, "
            + "reviewed_by = :by where cycle_year = :year and account_id = :accountId and version = :version")
        .param("comments", comments)
        .param("touchpoints", touchpoints)
        .param("by", by)
        .param("year", year)
        .param("accountId", accountId)
        .param("version", version)
        .update();
  }

  public void recordDecision(int year, String accountId, int version, String decision, String comments, String by,
      Instant at) {
    jdbc.sql("update kap_plan_version set decision = :decision, decision_comments = :comments, decided_by = :by, "
            + "decided_at = :at where cycle_year = :year and account_id = :accountId and version = :version")
        .param("decision", decision)
        .param("comments", comments)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("year", year)
        .param("accountId", accountId)
        .param("version", version)
        .update();
  }

  public List<PlanVersion> versions(int year, String accountId) {
    return jdbc.sql("select * from kap_plan_version where cycle_year = :year and account_id = :accountId "
            + "order by version")
        .param("year", year).param("accountId", accountId)
        .query(AccountPlanRepository::version).list();
  }

  /** The latest submission of every plan of the year (for training needs and the dashboard). */
  public Map<String, PlanVersion> latestVersions(int year) {
    Map<String, PlanVersion> latest = new LinkedHashMap<>();
    jdbc.sql("select v.* from kap_plan_version v where v.cycle_year = :year and v.version = (select max(version) "
            + "from kap_plan_version w where w.cycle_year = v.cycle_year and w.account_id = v.account_id) "
            + "order by v.account_id")
        .param("year", year)
        .query((ResultSet rs) -> {
          latest.put(rs.getString("account_id"), version(rs, 0));
        });
    return latest;
  }

  public Optional<PlanVersion> version(int year, String accountId, int version) {
    return jdbc.sql("select * from kap_plan_version where cycle_year = :year and account_id = :accountId "
            + "and version = :version")
        .param("year", year).param("accountId", accountId).param("version", version)
        .query(AccountPlanRepository::version).optional();
  }

  /** The approved version of every approved plan of the year, by account. */
  public Map<String, PlanVersion> approvedVersions(int year) {
    Map<String, PlanVersion> approved = new LinkedHashMap<>();
    jdbc.sql("select v.*, p.account_id from kap_plan_version v join kap_account_plan p on "
            + "p.cycle_year = v.cycle_year and p.account_id = v.account_id and p.approved_version = v.version "
            + "where p.cycle_year = :year order by p.account_id")
        .param("year", year)
        .query((ResultSet rs) -> {
          approved.put(rs.getString("account_id"), version(rs, 0));
        });
    return approved;
  }

  /** Which version is the latest submission of every plan of the year, without reading the plans. */
  public record LatestVersion(String accountId, int version, Instant submittedAt) {}

  public List<LatestVersion> latestVersionKeys(int year) {
    return jdbc.sql("select v.account_id, v.version, v.submitted_at from kap_plan_version v where v.cycle_year = :year "
            + "and v.version = (select max(version) from kap_plan_version w where w.cycle_year = v.cycle_year "
            + "and w.account_id = v.account_id)")
        .param("year", year)
        .query((rs, row) -> new LatestVersion(rs.getString("account_id"), rs.getInt("version"),
            rs.getTimestamp("submitted_at").toInstant()))
        .list();
  }

  /** The approved content of an account's plan in a year, to pre-fill the next year's draft. */
  public Optional<PlanContent> approvedContent(int year, String accountId) {
    return jdbc.sql("select v.content from kap_plan_version v join kap_account_plan p on "
            + "p.cycle_year = v.cycle_year and p.account_id = v.account_id and p.approved_version = v.version "
            + "where p.cycle_year = :year and p.account_id = :accountId")
        .param("year", year).param("accountId", accountId)
        .query(String.class).list()
        .stream().findFirst().map(PlanForm::fromJson);
  }

  /** Removes a year's plans and their versions, and the stakeholder maps they made: what a cancelled cycle leaves. */
  public void deleteYear(int year) {
    jdbc.sql("delete from kap_stakeholder where plan_year = :year").param("year", year).update();
    jdbc.sql("delete from kap_plan_version where cycle_year = :year").param("year", year).update();
    jdbc.sql("delete from kap_account_plan where cycle_year = :year").param("year", year).update();
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
