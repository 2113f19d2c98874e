package com.kap.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.task.TaskExecutor;

/** A node configured without job execution (e.g. one that only serves users) starts and reports itself healthy. */
class JobExecutorHealthIndicatorTest {

  private final JobBacklog backlog = mock(JobBacklog.class);

  @Test
  void aNodeWithoutJobExecutionIsUpAndSaysSo() {
    when(backlog.dueNow()).thenReturn(7L);
    StaticListableBeanFactory none = new StaticListableBeanFactory();
    JobExecutorHealthIndicator indicator = new JobExecutorHealthIndicator(none.getBeanProvider(JobExecutor.class),
        none.getBeanProvider(TaskExecutor.class), backlog);

    Health health = indicator.health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("enabled", false);
    @SuppressWarnings("unchecked")
    Map<String, Object> jobs = (Map<String, Object>) health.getDetails().get("backlog");
    assertThat(jobs).containsEntry("dueNow", 7L);
  }

  @Test
  void aStoppedJobExecutorIsDown() {
    JobExecutor stopped = mock(JobExecutor.class);
    when(stopped.isActive()).thenReturn(false);
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("jobExecutor", stopped));
    JobExecutorHealthIndicator indicator = new JobExecutorHealthIndicator(beans.getBeanProvider(JobExecutor.class),
        beans.getBeanProvider(TaskExecutor.class), backlog);

    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
  }
}
