package com.kap.planning.web;

import com.kap.planning.AccountPlans;
import com.kap.planning.PlanHistory;
import com.kap.planning.ProgrammeDashboard;
import com.kap.planning.TrainingRecords;
import com.kap.planning.TrainingSession;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class PlanController {

  private final AccountPlans plans;
  private final ProgrammeDashboard dashboard;
  private final TrainingRecords training;
  private final CurrentUser currentUser;

  public PlanController(AccountPlans plans, ProgrammeDashboard dashboard, TrainingRecords training,
      CurrentUser currentUser) {
    this.plans = plans;
    this.dashboard = dashboard;
    this.training = training;
    this.currentUser = currentUser;
  }

  /** The approved plan and every submitted version; a KAM only for their own accounts. */
  @GetMapping("/accounts/{accountId}/plans/{year}")
  public PlanHistory plan(@PathVariable String accountId, @PathVariable int year) {
    return plans.history(year, accountId);
  }

  @GetMapping("/programme/{year}/dashboard")
  public ProgrammeDashboard.Dashboard dashboard(@PathVariable int year) {
    currentUser.require(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN);
    return dashboard.of(year);
  }

  /** The training sessions delivered in the year, by the day delivered; empty for a year without any. */
  @GetMapping("/programme/{year}/training")
  public List<TrainingSession> training(@PathVariable int year) {
    currentUser.require(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.TRAINING_COORDINATOR, Roles.ADMIN);
    return training.ofYear(year);
  }
}
