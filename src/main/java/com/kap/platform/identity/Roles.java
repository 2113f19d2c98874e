package com.kap.platform.identity;

/** Camunda group ids of KAP's roles (DESIGN §1). */
public final class Roles {
  public static final String KAM = "kam";
  public static final String PROGRAMME_DIRECTOR = "programme-director";
  public static final String DIRECTOR = "director";
  public static final String EXECUTIVE_SPONSOR = "executive-sponsor";
  public static final String TRAINING_COORDINATOR = "training-coordinator";
  public static final String PROCESS_OWNER = "process-owner";
  /** Directors who hear appeals of budget decisions (DESIGN §2 factor 6: a body not involved in the decision). */
  public static final String GLOBAL_COMMITTEE = "global-committee";
  public static final String ADMIN = "camunda-admin";
  /** Monitoring: health details and metrics at /actuator, nothing in the engine (com.kap.platform.operations). */
  public static final String OPERATOR = "operator";

  private Roles() {}
}
