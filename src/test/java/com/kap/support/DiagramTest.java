package com.kap.support;

import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A test of one diagram on a lightweight engine (src/test/resources/camunda-light.cfg.xml: in-memory H2, no job
 * executor, no Spring): the test deploys the diagram with {@code @Deployment}, registers a Mockito mock for every
 * bean the diagram names ({@link #delegate}, {@link #listener}, {@link #bean}), and steps through it with
 * camunda-bpm-assert. The engine starts once per JVM (about a second) and each test's deployment is deleted, with its
 * instances, after it. The deployment happens after the test's {@code @BeforeEach} methods, so mocks registered
 * there already answer expressions evaluated at deployment (a timer start event's cycle).
 */
public abstract class DiagramTest {

  // per test instance, not static: the extension clears its engine references in afterAll, which a static field shared
  // by all subclasses would carry into the next class; the engine itself is cached per configuration resource
  @RegisterExtension
  protected final ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-light.cfg.xml").build();

  static {
    // Without Spring Boot nobody configures Logback, whose default logs everything at DEBUG (each SQL statement of
    // MyBatis): that alone made the engine's start and the first tests several times slower. INFO, as Spring Boot's
    // default; a JVM where Spring Boot configured the logging already is left alone.
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getLevel() == ch.qos.logback.classic.Level.DEBUG) {
      root.setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine.getProcessEngine());
  }

  @AfterEach
  void forgetMocks() {
    Mocks.reset();
    ClockUtil.reset();
  }

  protected ProcessEngine processEngine() {
    return engine.getProcessEngine();
  }

  /** A service task's {@code ${name}}: does nothing. */
  protected static JavaDelegate delegate(String name) {
    JavaDelegate delegate = mock(JavaDelegate.class);
    Mocks.register(name, delegate);
    return delegate;
  }

  /**
   * A service task's {@code ${name}} that sets these variables, as the real delegate would for the gateways: the
   * first call the first map, the second call the second, and so on; the last map again once they run out.
   */
  @SafeVarargs
  protected static JavaDelegate delegateSetting(String name, Map<String, Object>... inTurn) {
    JavaDelegate delegate = delegate(name);
    try {
      doAnswer(setting(inTurn)).when(delegate).execute(org.mockito.ArgumentMatchers.any());
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
    return delegate;
  }

  /** An execution listener's {@code ${name}} that sets these variables in turn, like {@link #delegateSetting}. */
  @SafeVarargs
  protected static ExecutionListener listenerSetting(String name, Map<String, Object>... inTurn) {
    ExecutionListener listener = listener(name);
    try {
      doAnswer(setting(inTurn)).when(listener).notify(org.mockito.ArgumentMatchers.any());
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
    return listener;
  }

  private static org.mockito.stubbing.Answer<Void> setting(Map<String, Object>[] inTurn) {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    return call -> {
      int turn = Math.min(calls.getAndIncrement(), inTurn.length - 1);
      ((DelegateExecution) call.getArgument(0)).setVariables(inTurn[turn]);
      return null;
    };
  }

  /** A task listener's {@code ${name}}: does nothing. */
  protected static TaskListener taskListener(String name) {
    TaskListener listener = mock(TaskListener.class);
    Mocks.register(name, listener);
    return listener;
  }

  /** An execution listener's {@code ${name}}: does nothing. */
  protected static ExecutionListener listener(String name) {
    ExecutionListener listener = mock(ExecutionListener.class);
    Mocks.register(name, listener);
    return listener;
  }

  /** A bean whose methods the diagram calls ({@code ${name.method(execution)}}): a Mockito mock of its class. */
  protected static <T> T bean(String name, Class<T> type) {
    T bean = mock(type);
    Mocks.register(name, bean);
    return bean;
  }
}
