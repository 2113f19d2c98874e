package com.kap.platform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Refuses a new deployment if one of its BPMN, CMMN or DMN models declares a DOCTYPE or is no well-formed XML, or
 * runs a script in a language KAP does not allow. Runs before Camunda's own deployers and in the deployment's
 * transaction, so that a refused deployment leaves nothing behind.
 */
class DeploymentPolicyDeployer implements Deployer {

  private final ScriptLanguagePolicy policy;

  DeploymentPolicyDeployer(ScriptLanguagePolicy policy) {
    this.policy = policy;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    // Camunda also runs its deployers to re-read a stored deployment into its cache: that one was checked when new
    if (!deployment.isNew()) {
      return;
    }
    List<ResourceReport> refused = new ArrayList<>();
    deployment.getResources().values().stream()
        .sorted(Comparator.comparing(ResourceEntity::getName))
        .forEach(resource -> ModelKind.of(resource.getName()).ifPresent(kind -> {
          List<Problem> refusals = refusals(resource, kind);
          if (!refusals.isEmpty()) {
            refused.add(new ResourceReportImpl(resource.getName(), refusals, List.of()));
          }
        }));
    if (!refused.isEmpty()) {
      throw new DeploymentRefused(refused);
    }
  }

  private List<Problem> refusals(ResourceEntity resource, ModelKind kind) {
    try {
      return LanguageUseReader.read(resource.getBytes(), kind).stream()
          .filter(use -> !kind.allows(policy, use.language()))
          .<Problem>map(use -> refusal(resource.getName(), kind, use))
          .toList();
    } catch (SAXParseException e) {
      return List.of(unreadable(resource.getName(), e));
    } catch (SAXException e) {
      return List.of(new Refusal(resource.getName() + ": " + e.getMessage(), 0, 0, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Refusal refusal(String resourceName, ModelKind kind, LanguageUse use) {
    return new Refusal(String.format("%s: %s uses %s language '%s', which KAP does not allow"
            + " (kap.deployment.allowed-script-languages)", resourceName, use.site(), kind.languageKind(),
        use.language()), use.line(), use.column(), use.elementId());
  }

  /** Most often a DOCTYPE, which the parser stops at; or XML that is not well-formed. */
  private static Refusal unreadable(String resourceName, SAXParseException e) {
    return new Refusal(String.format("%s: line %d, column %d: %s (KAP reads models without DOCTYPE declarations"
            + " and external entities)", resourceName, e.getLineNumber(), e.getColumnNumber(), e.getMessage()),
        e.getLineNumber(), e.getColumnNumber(), null);
  }
}
