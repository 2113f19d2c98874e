package com.kap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A process test on the shared application: camunda-bpm-assert is bound to its engine, and the job executor is
 * paused for each test so that the test itself steps through async continuations and timers with
 * {@code execute(job())}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KapTest
@ExtendWith(ProcessTest.PausedJobExecutor.class)
public @interface ProcessTest {

  class PausedJobExecutor implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
      ProcessEngineConfigurationImpl engine = engine(context);
      engine.getJobExecutor().shutdown();
      BpmnAwareTests.init(engine.getProcessEngine());
    }

    @Override
    public void afterEach(ExtensionContext context) {
      engine(context).getJobExecutor().start();
    }

    private static ProcessEngineConfigurationImpl engine(ExtensionContext context) {
      return SpringExtension.getApplicationContext(context).getBean(ProcessEngineConfigurationImpl.class);
    }
  }
}
