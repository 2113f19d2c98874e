package com.kap.support;

/** The variables the demo users submit through Camunda's submit-form endpoints during a planning cycle. */
public final class CycleForms {

  private CycleForms() {}

  public static String startForm(int year) {
    return variables("\"year\":{\"value\":" + year + "},\"planDeadline\":{\"value\":\"" + (year - 1)
        + "-12-15\"},\"closingDate\":{\"value\":\"" + year + "-03-31\"}");
  }

  /** A plan that passes the quality gate: a profitability objective, actions, risks and training needs. */
  public static String goodPlan() {
    return "\"customerSituation\":{\"value\":\"Consolidating suppliers\"},"
        + "\"customerStrategy\":{\"value\":\"Outcome-based contracts\"},\"strengths\":{\"value\":\"Reliability\"},"
        + "\"vulnerabilities\":{\"value\":\"Price\"},\"strategies\":{\"value\":\"Value pricing\"},"
        + "\"sponsorTouchpoints\":{\"value\":\"Quarterly top-to-top\"},"
        + json("objectives", "[{\"type\":\"profitability\",\"description\":\"Lift margin\",\"metric\":\"GM\","
            + "\"baseline\":\"24%\",\"target\":\"27%\",\"dueDate\":\"2070-12-31\"}]") + ","
        + json("actions", "[{\"action\":\"Pricing workshop\",\"owner\":\"diane\",\"dueDate\":\"2070-03-31\"}]") + ","
        + json("risks", "[{\"risk\":\"Competitor\",\"likelihood\":\"medium\"}]") + ","
        + json("trainingNeeds", "[{\"forWhom\":\"kam\",\"need\":\"Value selling\"}]") + ","
        + json("stakeholders", STAKEHOLDERS);
  }

  /** A decision maker and a champion with owners: what stakeholderCoverage asks of any segment. */
  public static final String STAKEHOLDERS = "[{\"name\":\"Eva Lind\",\"title\":\"COO\",\"buyingRole\":\"decisionMaker\",\"influence\":\"high\","
      + "\"attitude\":\"supporter\",\"owner\":\"diane\"},{\"name\":\"Jon Berg\",\"title\":\"Head of logistics\","
      + "\"buyingRole\":\"champion\",\"influence\":\"medium\",\"attitude\":\"supporter\",\"owner\":\"diane\","
      + "\"reportsTo\":\"Eva Lind\"}]";

  /** A plan whose only objective is revenue: the quality gate sends it back for a value objective. */
  public static String revenueOnlyPlan() {
    return goodPlan().replace("\\\"type\\\":\\\"profitability\\\"", "\\\"type\\\":\\\"revenue\\\"");
  }

  /** A Camunda Json variable, its value the JSON text given. */
  public static String json(String name, String value) {
    return "\"" + name + "\":{\"type\":\"Json\",\"value\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
  }

  public static String variables(String inner) {
    return "{\"variables\":{" + inner + "}}";
  }
}
