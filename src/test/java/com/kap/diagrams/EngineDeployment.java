package com.kap.diagrams;

import com.kap.platform.deployment.DeploymentPolicyPlugin;
import com.kap.platform.deployment.DeploymentPolicyProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Deploys each diagram alone to an engine of its own, in memory and with KAP's deployment policy and settings,
 * then deletes the deployment again: whatever Camunda's parsers and deployers refuse is a problem. An engine of
 * its own, because a deployment to the application's engine would make the checked copy the latest version of
 * every process for as long as the check runs.
 */
final class EngineDeployment {

  private static final BeansOfTheCheck BEANS = new BeansOfTheCheck();
  private static ProcessEngine engine;

  private final RepositoryService repository;
  private final KnownBeans beans;

  private EngineDeployment(ProcessEngine engine, KnownBeans beans) {
    this.repository = engine.getRepositoryService();
    this.beans = beans;
  }

  /** One engine for every check in the JVM (building one takes seconds), resolving beans from {@code beans}. */
  static synchronized EngineDeployment shared(KnownBeans beans) {
    if (engine == null) {
      engine = build();
    }
    return new EngineDeployment(engine, beans);
  }

  List<Problem> deploy(String name, Path file) {
    synchronized (BEANS) {
      BEANS.current = beans;
      return deployAlone(name, file);
    }
  }

  private List<Problem> deployAlone(String name, Path file) {
    List<Problem> problems = new ArrayList<>();
    Deployment deployment = null;
    try (InputStream content = Files.newInputStream(file)) {
      deployment = repository.createDeployment().name("diagram-check")
          .addInputStream(file.getFileName().toString(), content).deploy();
    } catch (ParseException refused) {
      problems.addAll(problemsOf(name, refused));
    } catch (IOException | RuntimeException refused) {
      problems.add(Problem.inFile(name, "Camunda does not deploy it: " + refused.getMessage()));
    } finally {
      if (deployment != null) {
        repository.deleteDeployment(deployment.getId(), true);
      }
    }
    return problems;
  }

  private static List<Problem> problemsOf(String name, ParseException refused) {
    List<Problem> problems = new ArrayList<>();
    for (ResourceReport report : refused.getResorceReports()) {
      for (org.camunda.bpm.engine.Problem error : report.getErrors()) {
        String element = error.getMainElementId() == null ? null : "'" + error.getMainElementId() + "'";
        problems.add(new Problem(name, element, "Camunda does not deploy it: " + error.getMessage()
            + (error.getLine() > 0 ? " (line " + error.getLine() + ")" : "")));
      }
    }
    if (problems.isEmpty()) {
      problems.add(Problem.inFile(name, "Camunda does not deploy it: " + refused.getMessage()));
    }
    return problems;
  }

  private static ProcessEngine build() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("kap-diagram-check");
    configuration.setJdbcUrl("jdbc:h2:mem:kap-diagram-check;DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setEnableXxeProcessing(false);
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(
        new DeploymentPolicyPlugin(new DeploymentPolicyProperties(List.of())))));
    configuration.setBeans(BEANS);
    ProcessEngine built = configuration.buildProcessEngine();
    // out of the registry, where Camunda's REST API and webapps would otherwise list it beside KAP's own engine
    ProcessEngines.unregister(built);
    return built;
  }

  /** The engine's beans: those of the check that is deploying. */
  private static final class BeansOfTheCheck extends AbstractMap<Object, Object> {

    private KnownBeans current;

    @Override
    public boolean containsKey(Object name) {
      return current != null && current.exists(String.valueOf(name));
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? current.instance(String.valueOf(name)) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return Set.of();
    }
  }
}
