package com.kap.platform.tasklist;

import com.kap.platform.forms.ShownVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Copies the business columns of Tasklist's filters (account, segment, year) onto every new user task as task
 * variables. Tasklist reads filter columns through the variable instance query, which shows a user only variables
 * they may read: task variables come with the task, while process variables would need read access to whole
 * process instances, which KAMs must not have.
 */
@Component
public class TaskListColumns extends AbstractProcessEnginePlugin {

  static final List<String> COLUMNS = List.of("accountName", "segment", "year");
  /**
   * The words a task of a whole cycle or round shows in the columns, by column: stored in English (the source's
   * language, as the task names), shown to a French user in French by {@link TasklistTranslation} from the bundles'
   * keys {@link #WORD_KEYS}.
   */
  static final Map<String, String> WORDS = Map.of("accountName", "All accounts", "segment", "All segments");
  static final Map<String, String> WORD_KEYS = Map.of("accountName", "taskList.allAccounts",
      "segment", "taskList.allSegments");

  private static final TaskListener COPY_COLUMNS = task -> copy(task);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.onCreate(configuration, COPY_COLUMNS);
  }

  /** A year at the start of a business key: plans and ritual plans ({@code 2027-ACC-003}), cycles ({@code 2027}). */
  private static final Pattern YEAR_KEY = Pattern.compile("^(\\d{4})(-.*)?$");

  /**
   * Every KAP task card shows the three columns: a task of a whole cycle or round (a segmentation, a training plan,
   * an allocation) concerns all accounts and segments ({@link #WORDS}), and a task without a year variable takes it
   * from its business key.
   */
  static void copy(DelegateTask task) {
    Map<String, Object> shown = new LinkedHashMap<>();
    for (String column : COLUMNS) {
      shown.put(column, task.getExecution().getVariable(column));
    }
    if (shown.values().stream().allMatch(Objects::isNull) && fallback("year", task) == null) {
      return; // not a KAP process: nothing to show
    }
    shown.forEach((column, value) -> {
      Object filled = value != null ? value : fallback(column, task);
      if (filled != null) {
        ShownVariables.setLocal(task, column, filled);
      }
    });
  }

  private static Object fallback(String column, DelegateTask task) {
    return switch (column) {
      case "accountName", "segment" -> WORDS.get(column);
      case "year" -> {
        Object planYear = task.getExecution().getVariable("planYear");
        if (planYear != null) {
          yield planYear;
        }
        String key = task.getExecution().getProcessBusinessKey();
        Matcher year = key == null ? null : YEAR_KEY.matcher(key);
        yield year != null && year.matches() ? Integer.valueOf(year.group(1)) : null;
      }
      default -> null;
    };
  }
}
