package com.kap.platform.rules;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weights that process owners keep in DMN tables in bpmn/ (a decision with the input {@code criterion} and the
 * output {@code weight}, one row per criterion) instead of Java or YAML. A cycle or round records the latest table's
 * version and values when it starts ({@link #record}) and uses them for its whole life: a redeployed table applies
 * from the next one. The history of what each used is {@link #history()}.
 */
@Service
public class RuleWeights {

  /** The decision's input, the criterion's key. */
  public static final String INPUT = "criterion";
  /** The decision's output. */
  public static final String OUTPUT = "weight";

  private final ProcessEngineConfigurationImpl engine;
  private final RuleWeightsRepository repository;
  private final Clock clock;
  /** A deployed version never changes: its weights are read once. */
  private final Map<String, Weights> byDefinitionId = new ConcurrentHashMap<>();

  public RuleWeights(ProcessEngineConfiguration engine, RuleWeightsRepository repository, Clock clock) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * The latest deployed version's weights, one per criterion, in the criteria's order; read by the engine's DMN
   * engine without the caller's authorizations (whoever starts a cycle may not read decision definitions).
   *
   * @throws WeightsRefused when the table is not deployed, has no row or no number for a criterion, or a negative one
   */
  public Weights latest(String decisionKey, List<String> criteria) {
    // in a command: the engine's DMN engine writes the evaluation's history, which needs the command's context
    return engine.getCommandExecutorTxRequired().execute(context -> {
      DecisionDefinitionEntity latest = context.getDecisionDefinitionManager()
          .findLatestDecisionDefinitionByKey(decisionKey);
      if (latest == null) {
        throw new WeightsRefused("the weights table " + decisionKey + " is not deployed: deploy bpmn/" + decisionKey
            + ".dmn");
      }
      Weights cached = byDefinitionId.get(latest.getId());
      if (cached != null && List.copyOf(cached.values().keySet()).equals(criteria)) {
        return cached;
      }
      DecisionDefinitionEntity decision = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedDecisionDefinitionById(latest.getId());
      Weights weights = evaluate(decision, criteria);
      byDefinitionId.put(decision.getId(), weights);
      return weights;
    });
  }

  private Weights evaluate(DecisionDefinitionEntity decision, List<String> criteria) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    Weights table = new Weights(decision.getKey(), decision.getId(), decision.getVersion(), Map.of());
    for (String criterion : criteria) {
      DmnDecisionTableResult result;
      try {
        result = engine.getDmnEngine().evaluateDecisionTable(decision,
            Variables.createVariables().putValue(INPUT, criterion));
      } catch (RuntimeException e) {
        throw table.refused("evaluating it for " + criterion + " failed: " + e.getMessage());
      }
      if (result.isEmpty()) {
        throw table.refused("it has no row for " + criterion);
      }
      Object weight = result.getFirstResult().get(OUTPUT);
      if (!(weight instanceof Number number)) {
        throw table.refused("the weight of " + criterion + " is not a number, was " + weight);
      }
      BigDecimal value = plain(new BigDecimal(number.toString()));
      if (value.signum() < 0) {
        throw table.refused("the weight of " + criterion + " is " + value.toPlainString()
            + "; weights must be 0 or more");
      }
      values.put(criterion, value);
    }
    return new Weights(decision.getKey(), decision.getId(), decision.getVersion(), values);
  }

  /**
   * The weights the cycle or round {@code scope} uses: those it recorded, or else the latest table's, checked by
   * {@code check} (which throws {@link WeightsRefused}) and recorded now. Idempotent: a retried job finds what the
   * first try recorded.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public Weights record(String decisionKey, String scope, String usedBy, List<String> criteria,
      Consumer<Weights> check) {
    Optional<RecordedWeights> recorded = repository.find(decisionKey, scope);
    if (recorded.isPresent()) {
      return recorded.get().weights();
    }
    Weights weights = latest(decisionKey, criteria);
    check.accept(weights);
    repository.insert(new RecordedWeights(scope, usedBy, weights, clock.instant()));
    return weights;
  }

  /** The weights the cycle or round recorded, if it did. */
  public Optional<Weights> recorded(String decisionKey, String scope) {
    return repository.find(decisionKey, scope).map(RecordedWeights::weights);
  }

  /** Forgets what a cancelled cycle or round recorded: started afresh, it records the then latest table. */
  public void forget(String decisionKey, String scope) {
    repository.delete(decisionKey, scope);
  }

  /** Which cycle or round used which version and values, oldest first. */
  public List<RecordedWeights> history() {
    return repository.findAll();
  }

  /** 25.0000 → 25, 0.50 → 0.5: weights as people wrote them. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
