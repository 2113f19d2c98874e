package com.kap.platform.rules;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The results of KAP's lookup tables (ritual cadence, stakeholder coverage), read from the latest
 * deployed version of the table, evaluated once per version and inputs.
 *
 * <p>Why: the FEEL engine builds its built-in functions anew for every cell it evaluates, so one evaluation of
 * {@code ritualCadence} cost more than everything else a ritual plan's set-up does, and the calendar asks it five
 * times per plan. A table's result is a function of the table and its inputs, so the result of a version is kept;
 * a process owner's new version is a new definition, evaluated afresh on its first use. A table that reads the clock
 * ({@code now()}, {@code today()}) is evaluated every time. The first evaluation of each version and input goes through
 * the engine's decision service as before (its rights and its decision history); the same question again is not
 * written to the history once more.
 */
@Component
public class DecisionTables {

  private static final int KEPT = 256;
  private static final Pattern READS_THE_CLOCK = Pattern.compile("\\b(now|today)\\s*\\(");

  private final DecisionService decisions;
  private final ProcessEngineConfigurationImpl engine;
  private final Map<Question, List<Map<String, Object>>> answers = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, List<Map<String, Object>>> eldest) {
          return size() > KEPT;
        }
      });
  private final Map<String, Boolean> readsTheClock = Collections.synchronizedMap(new LinkedHashMap<>());

  public DecisionTables(DecisionService decisions, ProcessEngineConfigurationImpl engine) {
    this.decisions = decisions;
    this.engine = engine;
  }

  private record Question(String definitionId, Map<String, Object> inputs) {
  }

  /**
   * The rows of the latest version of the decision table for these inputs, as
   * {@code evaluateDecisionTableByKey(key, inputs).getResultList()} gives them, not to be changed.
   */
  public List<Map<String, Object>> rows(String decisionKey, Map<String, Object> inputs) {
    String definitionId = latest(decisionKey);
    boolean keep = !readsTheClock.get(definitionId);
    Question question = new Question(definitionId, Collections.unmodifiableMap(new LinkedHashMap<>(inputs)));
    List<Map<String, Object>> known = keep ? answers.get(question) : null;
    if (known != null) {
      return known;
    }
    List<Map<String, Object>> rows = decisions.evaluateDecisionTableById(definitionId,
        Variables.fromMap(inputs)).getResultList().stream()
        .map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList();
    if (keep) {
      answers.put(question, rows);
    }
    return rows;
  }

  /**
   * The latest version's id, and whether it reads the clock, from the engine's tables past the caller's rights (the
   * caller sees no definition, only the rows the evaluation gives, as before).
   */
  private String latest(String decisionKey) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      DecisionDefinition definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(decisionKey);
      readsTheClock.computeIfAbsent(definition.getId(), id -> {
        ResourceEntity model = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
            definition.getDeploymentId(), definition.getResourceName());
        return model == null || READS_THE_CLOCK.matcher(new String(model.getBytes(), StandardCharsets.UTF_8)).find();
      });
      return definition.getId();
    });
  }
}
