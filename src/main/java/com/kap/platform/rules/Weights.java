package com.kap.platform.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of one version of a weights table (a DMN decision in bpmn/ that gives a weight per criterion).
 *
 * @param decisionKey the decision, e.g. segmentationWeights
 * @param decisionDefinitionId the deployed version's id in the engine
 * @param version the decision definition's version
 * @param values criterion key → weight, in the criteria's order
 */
public record Weights(String decisionKey, String decisionDefinitionId, int version, Map<String, BigDecimal> values) {

  public Weights {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public BigDecimal of(String criterion) {
    BigDecimal weight = values.get(criterion);
    if (weight == null) {
      throw new IllegalArgumentException(describe() + " has no weight for " + criterion);
    }
    return weight;
  }

  public BigDecimal sum() {
    return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** "segmentationWeights version 3", as messages name the table. */
  public String describe() {
    return decisionKey + " version " + version;
  }

  /** A refused table: {@code problem} says what is wrong; the message tells what to do. */
  public WeightsRefused refused(String problem) {
    return new WeightsRefused(describe() + " cannot be used: " + problem
        + ". Correct the table in Camunda Modeler and deploy it again");
  }
}
