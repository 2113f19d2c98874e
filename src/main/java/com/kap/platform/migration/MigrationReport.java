package com.kap.platform.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a migration found and did, for a process owner: counts over all source versions, and per source version the
 * problems of its migration plan and each instance that cannot move, by business key, with Camunda's reasons.
 */
public record MigrationReport(String processKey, int targetVersion, boolean dryRun, int instances, int migratable,
    int notMigratable, int migrated, String summary, List<SourceVersion> sources) {

  /** The instances of one older version. */
  public record SourceVersion(int sourceVersion, int instances, int migratable, int notMigratable,
      List<PlanProblem> planProblems, List<NotMigratable> notMigratableInstances) {}

  /** An activity the migration plan cannot map as generated (equal ids), with Camunda's reasons. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PlanProblem(String sourceActivityId, String targetActivityId, String activityName,
      List<String> reasons) {}

  public record NotMigratable(String processInstanceId, String businessKey, List<Problem> problems) {}

  /**
   * Why an instance cannot move: the activity it waits in, with the instances of that activity (a ritual plan waits
   * in many) that share the reasons; activityId null for the instance as a whole.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Problem(String activityId, String activityName, List<String> activityInstanceIds,
      List<String> reasons) {

    static Problem general(String reason) {
      return new Problem(null, null, null, List.of(reason));
    }
  }

  static MigrationReport of(String processKey, int targetVersion, boolean dryRun, List<SourceVersion> sources) {
    int instances = sources.stream().mapToInt(SourceVersion::instances).sum();
    int migratable = sources.stream().mapToInt(SourceVersion::migratable).sum();
    int notMigratable = instances - migratable;
    int migrated = dryRun ? 0 : migratable;
    boolean planProblems = sources.stream().anyMatch(source -> !source.planProblems().isEmpty());
    return new MigrationReport(processKey, targetVersion, dryRun, instances, migratable, notMigratable, migrated,
        summary(processKey, targetVersion, dryRun, instances, migratable, planProblems), sources);
  }

  private static String summary(String processKey, int targetVersion, boolean dryRun, int instances, int migratable,
      boolean planProblems) {
    if (instances == 0) {
      return "No running instance of " + processKey + " is on the source version(s): nothing to migrate.";
    }
    int notMigratable = instances - migratable;
    String rest = notMigratable == 0 ? "" : "; " + notMigratable
        + (dryRun ? " cannot" : notMigratable == 1 ? " stays on its version" : " stay on their version")
        + ", see notMigratableInstances" + (planProblems ? " and planProblems" : "") + " for why";
    return dryRun
        ? "Dry run, nothing was changed: " + migratable + " of " + instances + " running instances of " + processKey
            + " can move to version " + targetVersion + rest + "."
        : migratable + " of " + instances + " running instances of " + processKey + " moved to version "
            + targetVersion + rest + ".";
  }
}
