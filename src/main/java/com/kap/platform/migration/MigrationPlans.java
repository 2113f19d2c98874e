package com.kap.platform.migration;

import com.kap.platform.migration.MigrationReport.PlanProblem;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Camunda's migration plan from one version to another: every activity maps to the activity of the same id, and
 * timers and messages take the target version's definition (updateEventTriggers), so a changed timer applies. The
 * process owner's mappings add what equal ids cannot: an activity whose id changed.
 */
@Component
class MigrationPlans {

  /** The plan, or, when Camunda refuses it, why. */
  record Planned(MigrationPlan plan, List<PlanProblem> problems) {

    boolean valid() {
      return plan != null;
    }
  }

  private final RuntimeService runtime;
  private final PastEngineAuthorizations engine;

  MigrationPlans(RuntimeService runtime, PastEngineAuthorizations engine) {
    this.runtime = runtime;
    this.engine = engine;
  }

  Planned between(ProcessDefinition source, ProcessDefinition target, Map<String, String> activityMappings,
      ActivityNames names) {
    try {
      return new Planned(engine.call(() -> {
        MigrationInstructionsBuilder plan = runtime.createMigrationPlan(source.getId(), target.getId())
            .mapEqualActivities().updateEventTriggers();
        activityMappings.forEach(plan::mapActivities);
        return plan.build();
      }), List.of());
    } catch (MigrationPlanValidationException e) {
      return new Planned(null, e.getValidationReport().getInstructionReports().stream()
          .filter(MigrationInstructionValidationReport::hasFailures)
          .map(report -> problem(report, names)).toList());
    }
  }

  private static PlanProblem problem(MigrationInstructionValidationReport report, ActivityNames names) {
    MigrationInstruction instruction = report.getMigrationInstruction();
    return new PlanProblem(instruction.getSourceActivityId(), instruction.getTargetActivityId(),
        names.of(instruction.getSourceActivityId()), report.getFailures());
  }
}
