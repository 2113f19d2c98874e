package com.kap.platform.engineguard;

import com.kap.platform.forms.DeployedForms;
import com.kap.platform.forms.DeployedForms.DeployedForm;
import com.kap.platform.forms.FormFields;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.identity.Roles;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * What users send the engine through {@code /engine-rest} and the webapps' API ({@link UserRequests}) never steers
 * it. A user writes variables only where a deployed form declares them: a start (start form) or a task (its form),
 * each variable one of the form's fields and of that field's kind; nothing else of the process (its instance, its
 * executions, messages, signals, modifications, starts at an activity) takes variables from a user. Values of
 * {@code Object}, Java, XML, file or bytes types are refused altogether. The administrators ({@code camunda-admin})
 * are exempt; KAP's own code is not checked (it does not come through these requests, and commands nested in a
 * checked one, run by delegates and listeners, are KAP's). Also: a user checks only their own password
 * ({@code /identity/verify}), and only administrators and operators suspend or activate jobs that belong to no
 * process (history cleanup, batches), see also {@link StandaloneJobChecker}; only they read the engine's metrics,
 * and statistics over all instances only they and the process owners (Cockpit's users) read.
 *
 * <p>Undeclared variables and forbidden commands answer 403 ({@link AuthorizationException}); a declared field
 * with a value of the wrong kind answers 400 ({@link InvalidFormData}), naming the field.
 */
public class UserCommandGuard extends CommandInterceptor {

  private final ProcessEngineConfigurationImpl configuration;

  public UserCommandGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  private static final String METRICS = "org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl";
  private static final Set<String> MONITORING = Set.of("GetTelemetryDataCmd", "GetUniqueTaskWorkerCountCmd");
  /** Counts over every instance, whatever the reader may see of them. */
  private static final Set<String> STATISTICS = Set.of("ProcessDefinitionStatisticsQueryImpl",
      "ActivityStatisticsQueryImpl", "DeploymentStatisticsQueryImpl", "HistoricActivityStatisticsQueryImpl",
      "HistoricDecisionInstanceStatisticsQueryImpl", "BatchStatisticsQueryImpl",
      "HistoricCaseActivityStatisticsQueryImpl");

  /** A job whose execution this thread refused: Camunda's failure handling must not count it as a failure. */
  private static final ThreadLocal<String> REFUSED_JOB = new ThreadLocal<>();

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof FailedJobListener listener && REFUSED_JOB.get() != null) {
      JobFailureCollector collector = (JobFailureCollector) field(listener, FailedJobListener.class,
          "jobFailureCollector");
      if (REFUSED_JOB.get().equals(collector.getJobId())) {
        REFUSED_JOB.remove();
        return null; // a refusal is no failure of the job: its retries and failure log stay as they were
      }
    }
    if (Context.getCommandContext() == null && UserRequests.active()) {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      if (user != null && user.getUserId() != null && !EngineRoles.isAdmin(configuration, user)) {
        check(command, user);
      }
    }
    return next.execute(command);
  }

  private void check(Command<?> command, Authentication user) {
    String type = command.getClass().getName();
    if ((type.startsWith(METRICS) || MONITORING.contains(command.getClass().getSimpleName()))
        && !EngineRoles.isAdminOrOperator(configuration, user)) {
      throw refused(user, "read the engine's metrics (operators and administrators may)");
    }
    if (STATISTICS.contains(command.getClass().getSimpleName()) && !EngineRoles.isAdminOrOperator(configuration, user)
        && (user.getGroupIds() == null || !user.getGroupIds().contains(Roles.PROCESS_OWNER))) {
      throw refused(user, "read statistics over all instances (Cockpit's users may)");
    }
    if (command instanceof CheckPassword) {
      String checked = (String) field(command, CheckPassword.class, "userId");
      if (!user.getUserId().equals(checked)) {
        throw refused(user, "check the password of another user");
      }
    } else if (command instanceof SubmitStartFormCmd) {
      String definitionId = (String) field(command, SubmitStartFormCmd.class, "processDefinitionId");
      checkWrites(user, startForm(definitionId, null), (Map<?, ?>) field(command, SubmitStartFormCmd.class,
          "variables"), List.of());
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      throw refused(user, "start a process at an activity of their choice");
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) field(command,
          StartProcessInstanceCmd.class, "instantiationBuilder");
      checkWrites(user, startForm(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey()),
          builder.getVariables(), List.of());
    } else if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
      String taskId = (String) field(command, CompleteTaskCmd.class, "taskId");
      checkWrites(user, taskForm(taskId), (Map<?, ?>) field(command, CompleteTaskCmd.class, "variables"), List.of());
    } else if (command instanceof SubmitTaskFormCmd) {
      String taskId = (String) field(command, SubmitTaskFormCmd.class, "taskId");
      checkWrites(user, taskForm(taskId), (Map<?, ?>) field(command, SubmitTaskFormCmd.class, "properties"),
          List.of());
    } else if (command instanceof SetTaskVariablesCmd) {
      checkWrites(user, taskForm(entityId(command)), (Map<?, ?>) field(command, AbstractSetVariableCmd.class,
          "variables"), List.of());
    } else if (command instanceof PatchTaskVariablesCmd) {
      checkWrites(user, taskForm((String) field(command, AbstractPatchVariablesCmd.class, "entityId")),
          (Map<?, ?>) field(command, AbstractPatchVariablesCmd.class, "variables"),
          (Collection<?>) field(command, AbstractPatchVariablesCmd.class, "deletions"));
    } else if (command instanceof RemoveTaskVariablesCmd) {
      checkWrites(user, taskForm(entityId(command)), Map.of(),
          (Collection<?>) field(command, AbstractRemoveVariableCmd.class, "variableNames"));
    } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
        || command instanceof AbstractRemoveVariableCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      throw refused(user, "write variables of a process instance or execution (only a task's or start form's "
          + "fields)");
    } else if (command instanceof AbstractCorrelateMessageCmd) {
      var builder = (org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl) field(command,
          AbstractCorrelateMessageCmd.class, "builder");
      if ((notEmpty(builder.getPayloadProcessInstanceVariables())
          || notEmpty(builder.getPayloadProcessInstanceVariablesLocal())
          || notEmpty(builder.getPayloadProcessInstanceVariablesToTriggeredScope()))) {
        throw refused(user, "send variables with a message");
      }
    } else if (command instanceof SignalEventReceivedCmd) {
      var builder = (org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl) field(command,
          SignalEventReceivedCmd.class, "builder");
      if (notEmpty(builder.getVariables())) {
        throw refused(user, "send variables with a signal");
      }
    } else if (command instanceof SignalCmd) {
      if (notEmpty((Map<?, ?>) field(command, SignalCmd.class, "processVariables"))) {
        throw refused(user, "send variables with a signal");
      }
    } else if (command instanceof EvaluateStartConditionCmd) {
      var builder = (org.camunda.bpm.engine.impl.ConditionEvaluationBuilderImpl) field(command,
          EvaluateStartConditionCmd.class, "builder");
      if (notEmpty(builder.getVariables())) {
        throw refused(user, "evaluate start conditions with variables");
      }
    } else if (command instanceof ModifyProcessInstanceCmd || command instanceof ProcessInstanceModificationCmd
        || command instanceof ProcessInstanceModificationBatchCmd || command instanceof RestartProcessInstancesCmd
        || command instanceof RestartProcessInstancesBatchCmd) {
      throw refused(user, "modify or restart process instances");
    } else if (command instanceof ExecuteJobsCmd && !EngineRoles.isAdminOrOperator(configuration, user)) {
      // refused before it runs: a refusal inside the job's execution counts as a failure and uses up its retries
      String jobId = (String) field(command, ExecuteJobsCmd.class, "jobId");
      if (jobId != null && standaloneJob(jobId)) {
        REFUSED_JOB.set(jobId);
        throw refused(user, "execute a job that belongs to no process");
      }
    } else if (command instanceof AbstractSetJobStateCmd && !EngineRoles.isAdminOrOperator(configuration, user)) {
      String jobId = (String) field(command, AbstractSetJobStateCmd.class, "jobId");
      String jobDefinitionId = (String) field(command, AbstractSetJobStateCmd.class, "jobDefinitionId");
      if ((jobId != null && standaloneJob(jobId)) || (jobDefinitionId != null && standaloneJobDefinition(
          jobDefinitionId))) {
        throw refused(user, "suspend or activate a job that belongs to no process");
      }
    } else if (command instanceof AbstractSetJobDefinitionStateCmd
        && !EngineRoles.isAdminOrOperator(configuration, user)) {
      String jobDefinitionId = (String) field(command, AbstractSetJobDefinitionStateCmd.class, "jobDefinitionId");
      if (jobDefinitionId != null && standaloneJobDefinition(jobDefinitionId)) {
        throw refused(user, "suspend or activate jobs that belong to no process");
      }
    }
  }

  private void checkWrites(Authentication user, FormFields form, Map<?, ?> variables, Collection<?> deletions) {
    if (variables != null) {
      for (Object name : variables.keySet()) {
        FormFields.Kind kind = declared(user, form, String.valueOf(name));
        TypedValue value = variables instanceof VariableMap map ? map.getValueTyped((String) name)
            : typed(variables.get(name));
        checkKind(form.formId(), String.valueOf(name), kind, value);
      }
    }
    if (deletions != null) {
      for (Object name : deletions) {
        declared(user, form, String.valueOf(name));
      }
    }
  }

  private static FormFields.Kind declared(Authentication user, FormFields form, String name) {
    FormFields.Kind kind = form.fields().get(name);
    if (kind == null) {
      throw new AuthorizationException("User '" + user.getUserId() + "' may not write the variable '" + name + "': "
          + (form.formId() == null ? "no form is deployed for this task or start"
              : "the form '" + form.formId() + "' has no such field") + ". Users write only the fields of the form "
          + "of their task or start.");
    }
    return kind;
  }

  /** The value's kind must fit the field; text is allowed for numbers and flags, which KAP parses and checks. */
  static void checkKind(String formId, String field, FormFields.Kind kind, TypedValue value) {
    Object raw = value == null || (value.getType() != null && !value.getType().isPrimitiveValueType()) ? null
        : value.getValue();
    if (!(raw instanceof String || raw instanceof Number || raw instanceof Boolean)) {
      raw = null;
    }
    String type = value == null || value.getType() == null ? untypedKind(value) : value.getType().getName();
    if ("null".equals(type)) {
      return;
    }
    boolean fits = switch (kind) {
      case TEXT -> type.equals("string");
      case DATE -> type.equals("string") || type.equals("date");
      case NUMBER -> type.equals("string") || type.equals("integer") || type.equals("long")
          || type.equals("double") || type.equals("short");
      case FLAG -> type.equals("string") || type.equals("boolean");
      case LIST -> type.equals("json");
      case TEXTS -> type.equals("json") || type.equals("string");
    };
    if (fits) {
      return;
    }
    Problem problem = switch (kind) {
      case TEXT -> Problem.of("text");
      case DATE -> Problem.of("date");
      case NUMBER -> raw == null ? Problem.of("number") : Problem.of("number.was", raw);
      case FLAG -> raw == null ? Problem.of("flag") : Problem.of("flag.typed", raw);
      case LIST -> Problem.of("listOfEntries");
      case TEXTS -> Problem.of("listOfTexts");
    };
    throw new InvalidFormData(formId, field, Problem.of("wrongType", problem, type));
  }

  private static String untypedKind(TypedValue value) {
    Object raw = value == null ? null : value.getValue();
    if (raw == null) {
      return "null";
    }
    if (raw instanceof String) {
      return "string";
    }
    if (raw instanceof Boolean) {
      return "boolean";
    }
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Double || raw instanceof Short) {
      return raw.getClass().getSimpleName().toLowerCase();
    }
    if (raw instanceof java.util.Date) {
      return "date";
    }
    if (raw instanceof SpinJsonNode) {
      return "json";
    }
    return "object";
  }

  private static TypedValue typed(Object value) {
    if (value instanceof TypedValue typed) {
      return typed;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    return Variables.untypedValue(value);
  }

  private FormFields taskForm(String taskId) {
    return lookUp(context -> context.getTaskManager().findTaskById(taskId) == null
        ? null // the command itself answers for an unknown task
        : DeployedForms.ofTask(context, taskId));
  }

  private FormFields startForm(String definitionId, String definitionKey) {
    return lookUp(context -> {
      String id = definitionId;
      if (id == null && definitionKey != null) {
        ProcessDefinitionEntity latest = context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedLatestProcessDefinitionByKey(definitionKey);
        id = latest.getId();
      }
      return id == null ? null : DeployedForms.ofStart(context, id);
    });
  }

  /** The form's fields, read past the user's rights; none where there is no deployed Camunda Form. */
  private FormFields lookUp(Command<DeployedForm> form) {
    DeployedForm deployed;
    try {
      deployed = configuration.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        try {
          return form.execute(context);
        } catch (RuntimeException noDeployedForm) {
          return null;
        }
      });
    } catch (RuntimeException unknown) {
      return FormFields.none();
    }
    return deployed == null ? FormFields.none() : deployed.fields();
  }

  private boolean standaloneJob(String jobId) {
    return Boolean.TRUE.equals(configuration.getCommandExecutorTxRequired().execute(context -> {
      JobEntity job = context.getJobManager().findJobById(jobId);
      return job != null && job.getProcessDefinitionKey() == null;
    }));
  }

  private boolean standaloneJobDefinition(String jobDefinitionId) {
    return Boolean.TRUE.equals(configuration.getCommandExecutorTxRequired().execute(context -> {
      JobDefinitionEntity definition = context.getJobDefinitionManager().findById(jobDefinitionId);
      return definition != null && definition.getProcessDefinitionKey() == null;
    }));
  }

  private static boolean notEmpty(Map<?, ?> variables) {
    return variables != null && !variables.isEmpty();
  }

  private static String entityId(Command<?> command) {
    return (String) field(command, AbstractVariableCmd.class, "entityId");
  }

  private static AuthorizationException refused(Authentication user, String what) {
    return new AuthorizationException("User '" + user.getUserId() + "' may not " + what + "; only an "
        + "administrator may.");
  }

  private static Object field(Object target, Class<?> declaring, String name) {
    try {
      Field field = declaring.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Camunda's " + declaring.getSimpleName() + " has no field " + name
          + " any more: KAP's check of user commands must be adapted", e);
    }
  }
}
