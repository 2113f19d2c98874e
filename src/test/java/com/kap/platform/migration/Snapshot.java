package com.kap.platform.migration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows a migration could change, in the engine's tables (runtime, history, operation log) and in KAP's for one
 * plan year: equal snapshots before and after a dry run show that it changed nothing.
 */
final class Snapshot {

  private static final Map<String, String> ENGINE = Map.of(
      "ACT_RU_EXECUTION", "PROC_INST_ID_",
      "ACT_RU_TASK", "PROC_INST_ID_",
      "ACT_RU_JOB", "PROCESS_INSTANCE_ID_",
      "ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_",
      "ACT_RU_VARIABLE", "PROC_INST_ID_",
      "ACT_HI_PROCINST", "PROC_INST_ID_",
      "ACT_HI_ACTINST", "PROC_INST_ID_",
      "ACT_HI_TASKINST", "PROC_INST_ID_");

  private static final Map<String, String> KAP = Map.of(
      "kap_account_plan", "account_id",
      "kap_plan_version", "account_id, version",
      "kap_ritual_plan", "account_id",
      "kap_ritual_occurrence", "occurrence_no");

  private Snapshot() {}

  static Map<String, Object> of(JdbcTemplate jdbc, int year, List<String> processInstanceIds) {
    Map<String, Object> rows = new LinkedHashMap<>();
    String in = String.join(", ", Collections.nCopies(processInstanceIds.size(), "?"));
    ENGINE.forEach((table, instanceColumn) -> rows.put(table, jdbc.queryForList("select * from " + table + " where "
        + instanceColumn + " in (" + in + ") order by ID_", processInstanceIds.toArray())));
    rows.put("migrations in the operation log", jdbc.queryForObject(
        "select count(*) from ACT_HI_OP_LOG where OPERATION_TYPE_ = 'Migrate'", Long.class));
    KAP.forEach((table, order) -> rows.put(table,
        jdbc.queryForList("select * from " + table + " where cycle_year = ? order by " + order, year)));
    return rows;
  }
}
