package com.kap.platform.migration;

import com.kap.platform.migration.MigrationPlans.Planned;
import com.kap.platform.migration.MigrationReport.NotMigratable;
import com.kap.platform.migration.MigrationReport.Problem;
import com.kap.platform.migration.MigrationReport.SourceVersion;
import com.kap.platform.migration.ProcessVersions.RunningInstance;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves the running instances of a process's older versions to a newer one, instance by instance, synchronously:
 * those that can move do, those that cannot stay on their version and are listed with the reasons.
 */
@Service
class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private final ProcessVersions versions;
  private final MigrationPlans plans;
  private final InstanceMigration instanceMigration;
  private final RepositoryService repository;
  private final PastEngineAuthorizations engine;

  Migrations(ProcessVersions versions, MigrationPlans plans, InstanceMigration instanceMigration,
      RepositoryService repository, PastEngineAuthorizations engine) {
    this.versions = versions;
    this.plans = plans;
    this.instanceMigration = instanceMigration;
    this.repository = repository;
    this.engine = engine;
  }

  MigrationReport run(MigrationRequest request) {
    long started = System.nanoTime();
    MigrationScope scope = MigrationScope.of(request, versions);
    List<SourceVersion> sources = scope.sources().stream()
        .map(source -> migrate(source, scope.target(), request)).toList();
    MigrationReport report = MigrationReport.of(request.processKey(), scope.target().getVersion(), request.dryRun(),
        sources);
    LOG.info("{} in {} ms: {}", request.dryRun() ? "Migration dry run" : "Migration",
        (System.nanoTime() - started) / 1_000_000, report.summary());
    return report;
  }

  private SourceVersion migrate(ProcessDefinition source, ProcessDefinition target, MigrationRequest request) {
    List<RunningInstance> instances = versions.runningOn(source.getId());
    ActivityNames names = engine.call(() -> new ActivityNames(repository, source.getId()));
    Planned plan = plans.between(source, target, request.activityMappings(), names);
    if (!plan.valid()) {
      Problem planInvalid = Problem.general("version " + source.getVersion() + " cannot be mapped to version "
          + target.getVersion() + ": see planProblems");
      return new SourceVersion(source.getVersion(), instances.size(), 0, instances.size(), plan.problems(),
          instances.stream().map(i -> new NotMigratable(i.id(), i.businessKey(), List.of(planInvalid))).toList());
    }
    List<NotMigratable> refused = new ArrayList<>();
    for (RunningInstance instance : instances) {
      List<Problem> problems = instanceMigration.migrate(plan.plan(), instance, names, request.dryRun());
      if (!problems.isEmpty()) {
        refused.add(new NotMigratable(instance.id(), instance.businessKey(), problems));
      }
    }
    return new SourceVersion(source.getVersion(), instances.size(), instances.size() - refused.size(),
        refused.size(), List.of(), refused);
  }
}
