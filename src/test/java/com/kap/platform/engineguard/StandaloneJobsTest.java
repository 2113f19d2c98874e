package com.kap.platform.engineguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.identity.Roles;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/**
 * Finding 2 of the red-team review: alice executed, re-dated, suspended and deleted the history-cleanup job, a job
 * of no process, and the cleanup stopped. Such jobs are now for administrators and operators only.
 */
@KapTest
class StandaloneJobsTest {

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @Test
  void onlyAdministratorsActOnTheHistoryCleanupJob() {
    List<Job> cleanup = historyService.findHistoryCleanupJobs();
    assertThat(cleanup).as("the engine schedules its history cleanup").isNotEmpty();
    Job job = cleanup.get(0);
    String path = "/engine-rest/job/" + job.getId();
    Api api = new Api(rest);

    for (String user : List.of("alice", "diane", "paula")) {
      assertThat(api.putJson(user, path + "/duedate", "{\"duedate\":\"2030-01-01T06:00:00.000+0000\"}",
          String.class).getStatusCode().value()).as(user + " re-dates it").isEqualTo(403);
      assertThat(api.putJson(user, path + "/suspended", "{\"suspended\":true}", String.class).getStatusCode().value())
          .as(user + " suspends it").isEqualTo(403);
      assertThat(api.putJson(user, path + "/retries", "{\"retries\":0}", String.class).getStatusCode().value())
          .as(user + " sets its retries").isEqualTo(403);
      assertThat(api.putJson(user, path + "/priority", "{\"priority\":5}", String.class).getStatusCode().value())
          .as(user + " sets its priority").isEqualTo(403);
      assertThat(rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, String.class)
          .getStatusCode().value()).as(user + " deletes it").isEqualTo(403);
      assertThat(api.postJson(user, path + "/execute", "", String.class).getStatusCode().value())
          .as(user + " executes it").isEqualTo(403);
    }

    Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after).as("the job is still there").isNotNull();
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
    assertThat(after.getRetries()).as("a refused execution used up no retry").isEqualTo(job.getRetries());
    assertThat(api.putJson("admin", path + "/priority", "{\"priority\":" + job.getPriority() + "}", String.class)
        .getStatusCode().value()).as("the administrator may").isEqualTo(204);
    User operator = identityService.newUser("ops");
    operator.setPassword("demo");
    identityService.saveUser(operator);
    identityService.createMembership("ops", Roles.OPERATOR);
    try {
      assertThat(api.putJson("ops", path + "/priority", "{\"priority\":" + job.getPriority() + "}", String.class)
          .getStatusCode().value()).as("an operator may").isEqualTo(204);
    } finally {
      identityService.deleteUser("ops");
    }
  }
}
