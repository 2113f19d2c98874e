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
    String sponsorTouchpoints,
    List<Stakeholder> stakeholders) {

  public static final List<String> OBJECTIVE_TYPES = List.of("revenue", "profitability", "value", "relationship");
  /** Objectives that count as "quality over quantity": not revenue alone. */
  public static final List<String> VALUE_OBJECTIVE_TYPES = List.of("profitability", "value");
  public static final List<String> TRAINING_AUDIENCES = List.of("kam", "team", "sponsor", "seniorManagement");
  public static final List<String> LIKELIHOODS = List.of("low", "medium", "high");
  /** A stakeholder's part in the customer's buying decision. */
  public static final List<String> BUYING_ROLES = List.of("decisionMaker", "champion", "influencer", "user", "blocker");
  public static final List<String> INFLUENCE_LEVELS = List.of("high", "medium", "low");
  public static final List<String> ATTITUDES = List.of("supporter", "neutral", "opponent");

  /** Plans stored before the stakeholder map hold none. */
  public PlanContent {
    stakeholders = stakeholders == null ? List.of() : stakeholders;
  }

  /** A plan without stakeholders. */
  public PlanContent(String customerSituation, String customerStrategy, String strengths, String vulnerabilities,
      List<Objective> objectives, String strategies, List<Action> actions, List<Risk> risks,
      List<TrainingNeed> trainingNeeds, String sponsorTouchpoints) {
    this(customerSituation, customerStrategy, strengths, vulnerabilities, objectives, strategies, actions, risks,
        trainingNeeds, sponsorTouchpoints, List.of());
  }

  public record Objective(String type, String description, String metric, String baseline, String target,
      LocalDate dueDate) {}

  public record Action(String action, String owner, LocalDate dueDate) {}

  public record Risk(String risk, String likelihood, String mitigation) {}

  public record TrainingNeed(String forWhom, String need) {}

  /**
   * A person on the customer's side: their part in the buying decision, influence and attitude towards us, our
   * relationship owner (a KAP user id) and the stakeholder of the same list they report to (by name, or null).
   */
  public record Stakeholder(String name, String title, String buyingRole, String influence, String attitude,
      String owner, String reportsTo) {}

  public boolean hasValueObjective() {
    return objectives.stream().anyMatch(o -> VALUE_OBJECTIVE_TYPES.contains(o.type()));
  }
}
