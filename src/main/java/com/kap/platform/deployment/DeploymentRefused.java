package com.kap.platform.deployment;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment KAP refuses. A ParseException, so that Camunda's REST API answers 400 with every refusal per resource
 * (line, column, element id) rather than 500.
 */
public class DeploymentRefused extends ParseException {

  DeploymentRefused(List<ResourceReport> reports) {
    super(message(reports), reports.get(0).getResourceName(), reports.get(0).getErrors(), List.of());
    this.resorceReports = List.copyOf(reports);
  }

  private static String message(List<ResourceReport> reports) {
    return reports.stream().flatMap(report -> report.getErrors().stream()).map(error -> error.getMessage())
        .collect(Collectors.joining("; "));
  }
}
