package com.kap.platform.migration;

import com.kap.platform.migration.MigrationReport.Problem;
import com.kap.platform.migration.ProcessVersions.RunningInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migrates one process instance in a transaction of its own, committed only when the migration succeeded and is
 * no dry run. A dry run thus really migrates, and then rolls back all it wrote: the engine's commands join Spring's
 * transaction, as KAP's repositories do, should a listener or timer expression write to KAP's tables. One instance
 * that cannot move never holds back another.
 */
@Component
class InstanceMigration {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceMigration.class);

  private final RuntimeService runtime;
  private final PastEngineAuthorizations engine;
  private final TransactionTemplate ownTransaction;

  InstanceMigration(RuntimeService runtime, PastEngineAuthorizations engine, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.engine = engine;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Why the instance cannot move to the plan's target; empty when it can (and, unless a dry run, did). */
  List<Problem> migrate(MigrationPlan plan, RunningInstance instance, ActivityNames names, boolean dryRun) {
    try {
      return ownTransaction.execute(status -> {
        List<Problem> problems = attempt(plan, instance, names);
        if (dryRun || !problems.isEmpty()) {
          status.setRollbackOnly();
        }
        return problems;
      });
    } catch (RuntimeException e) {
      LOG.warn("Migrating process instance {} failed at commit", instance.id(), e);
      return List.of(Problem.general("the migration could not be saved: " + e.getMessage()));
    }
  }

  private List<Problem> attempt(MigrationPlan plan, RunningInstance instance, ActivityNames names) {
    try {
      // caught within the engine command, or Camunda would log each refused instance as an error; the transaction,
      // marked for rollback meanwhile, is rolled back below
      return engine.call(() -> {
        try {
          runtime.newMigration(plan).processInstanceIds(instance.id()).execute();
          return List.of();
        } catch (MigratingProcessInstanceValidationException e) {
          return problems(e.getValidationReport(), names);
        }
      });
    } catch (OptimisticLockingException e) {
      return List.of(Problem.general("the instance changed while it was being migrated (a task was completed or a "
          + "timer fired); run the migration again"));
    } catch (RuntimeException e) {
      LOG.warn("Migrating process instance {} failed", instance.id(), e);
      return List.of(Problem.general(e.getMessage()));
    }
  }

  private record ActivityAndReasons(String activityId, List<String> reasons) {}

  /** Camunda's report: one problem per activity and reasons, listing the activity instances that have them. */
  private static List<Problem> problems(MigratingProcessInstanceValidationReport report, ActivityNames names) {
    List<Problem> problems = new ArrayList<>();
    report.getFailures().forEach(failure -> problems.add(Problem.general(failure)));
    Map<ActivityAndReasons, List<String>> instances = new LinkedHashMap<>();
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      instances.computeIfAbsent(new ActivityAndReasons(activity.getSourceScopeId(), activity.getFailures()),
          key -> new ArrayList<>()).add(activity.getActivityInstanceId());
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      instances.computeIfAbsent(new ActivityAndReasons(transition.getSourceScopeId(), transition.getFailures()),
          key -> new ArrayList<>()).add(transition.getTransitionInstanceId());
    }
    instances.forEach((activity, ids) -> problems.add(new Problem(activity.activityId(),
        names.of(activity.activityId()), ids, activity.reasons())));
    return problems;
  }
}
