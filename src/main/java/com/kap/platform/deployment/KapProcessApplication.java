package com.kap.platform.deployment;

import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * KAP's process application (what {@code @EnableProcessApplication} would register): META-INF/processes.xml deploys
 * every diagram and form on the classpath, from bpmn/ and forms/, and also those in demo/ (the demo's "Let time
 * pass"). Those are kept only when the demo profile is active: no other profile ever deploys them.
 */
@Configuration
public class KapProcessApplication extends SpringBootProcessApplication {

  /** Where the demo profile's own diagrams and forms are on the classpath. */
  public static final String DEMO_RESOURCES = "demo/";

  @Autowired private Environment environment;

  @Override
  public void createDeployment(String processArchiveName, DeploymentBuilder deploymentBuilder) {
    super.createDeployment(processArchiveName, deploymentBuilder);
    if (!environment.acceptsProfiles(Profiles.of("demo"))) {
      // the scanned resources are in the builder already; Camunda offers no other way to leave some out
      ((DeploymentBuilderImpl) deploymentBuilder).getResourceNames().removeIf(KapProcessApplication::isDemoResource);
    }
  }

  static boolean isDemoResource(String resourceName) {
    return resourceName.replace('\\', '/').startsWith(DEMO_RESOURCES);
  }
}
