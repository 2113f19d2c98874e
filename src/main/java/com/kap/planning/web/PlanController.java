package com.kap.planning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kap.planning.AccountPlan;
import com.kap.planning.PlanVersion;
import com.kap.planning.ProgrammeDashboard;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.PortfolioQueries;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class PlanController {

  private final PortfolioQueries portfolio;
  private final AccountPlanRepository plans;
  private final ProgrammeDashboard dashboard;
  private final CurrentUser currentUser;

  public PlanController(PortfolioQueries portfolio, AccountPlanRepository plans, ProgrammeDashboard dashboard,
      CurrentUser currentUser) {
    this.portfolio = portfolio;
    this.plans = plans;
    this.dashboard = dashboard;
    this.currentUser = currentUser;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PlanView(String accountId, int year, AccountPlan.Status status, Integer approvedVersion,
      PlanVersion approved, List<PlanVersion> versions) {}

  /** The approved plan and every submitted version; a KAM only for their own accounts. */
  @GetMapping("/accounts/{accountId}/plans/{year}")
  public PlanView plan(@PathVariable String accountId, @PathVariable int year) {
    portfolio.accountView(accountId); // 404 for an unknown account, 403 for one the caller may not see
    AccountPlan plan = plans.find(year, accountId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
        "account '" + accountId + "' has no plan for " + year));
    List<PlanVersion> versions = plans.versions(year, accountId);
    PlanVersion approved = versions.stream()
        .filter(v -> plan.approvedVersion() != null && v.version() == plan.approvedVersion()).findFirst().orElse(null);
    return new PlanView(accountId, year, plan.status(), plan.approvedVersion(), approved, versions);
  }

  @GetMapping("/programme/{year}/dashboard")
  public ProgrammeDashboard.Dashboard dashboard(@PathVariable int year) {
    currentUser.require(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN);
    return dashboard.of(year);
  }
}
