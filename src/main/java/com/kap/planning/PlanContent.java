package com.kap.planning;

import java.time.LocalDate;
import java.util.List;

/** What a KAM writes in an account plan; stored as JSON with every submitted version. */
public record PlanContent(
    String customerSituation,
    String customerStrategy,
    String strengths,
    String vulnerabilities,
    List<Objective> objectives,
    String strategies,
    List<Action> actions,
    List<Risk> risks,
    List<TrainingNeed> trainingNeeds,
    String sponsorTouchpoints) {

  public static final List<String> OBJECTIVE_TYPES = List.of("revenue", "profitability", "value", "relationship");
  /** Objectives that count as "quality over quantity": not revenue alone. */
  public static final List<String> VALUE_OBJECTIVE_TYPES = List.of("profitability", "value");
  public static final List<String> TRAINING_AUDIENCES = List.of("kam", "team", "sponsor", "seniorManagement");
  public static final List<String> LIKELIHOODS = List.of("low", "medium", "high");

  public record Objective(String type, String description, String metric, String baseline, String target,
      LocalDate dueDate) {}

  public record Action(String action, String owner, LocalDate dueDate) {}

  public record Risk(String risk, String likelihood, String mitigation) {}

  public record TrainingNeed(String forWhom, String need) {}

  public boolean hasValueObjective() {
    return objectives.stream().anyMatch(o -> VALUE_OBJECTIVE_TYPES.contains(o.type()));
  }
}
