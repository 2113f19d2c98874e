package com.kap.platform.forms;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Sets what a form shows only where it changes. The engine writes every {@code setVariable} as an update with its
 * history detail, and a JSON value as a new byte array, even when the value is the one already there; a task with an
 * assignee from its definition runs its listeners on "create" and again on "assignment", and a process shows the
 * same calendar again after each step. A value already held, of the same kind, is left as it is: the form shows the
 * same, and the task costs no row.
 */
public final class ShownVariables {

  /** The transient mark of {@link #alreadyShown}: never stored, gone when the engine's command ends. */
  static final String SHOWN_TO = "kapShownTo";

  private static final ThreadLocal<Boolean> WRITING_SHOWN = ThreadLocal.withInitial(() -> false);

  private ShownVariables() {
  }

  /**
   * Whether the task's listener already showed it to this reader in this command, and marks it shown otherwise: a
   * task with an assignee from its definition (or given to its group's only member) runs its listener on "create"
   * and at once on "assignment", for the same reader. The mark is a transient task variable, neither stored nor kept
   * in the history, so a later claim or reassignment, a command of its own, shows the task again.
   */
  public static boolean alreadyShown(DelegateTask task, Locale reader) {
    String mark = reader.toLanguageTag();
    TypedValue held = task.getVariableLocalTyped(SHOWN_TO);
    if (held != null && !held.isTransient()) {
      // a stored variable of that name (an administrator's) marks nothing, and the engine would refuse the mark
      return false;
    }
    if (held != null && mark.equals(held.getValue())) {
      return true;
    }
    task.setVariableLocal(SHOWN_TO, Variables.stringValue(mark, true));
    return false;
  }

  /**
   * {@code scope.setVariableLocal(name, value)}, unless the scope already holds the value itself. On a task, the
   * value is a copy for its form or Tasklist's card, of what KAP's tables or the process hold: it is written without
   * history ({@link ShownValuesHistory}).
   */
  public static void setLocal(VariableScope scope, String name, Object value) {
    if (!scope.hasVariableLocal(name) || !same(scope.getVariableLocalTyped(name), value)) {
      if (!(scope instanceof DelegateTask)) {
        scope.setVariableLocal(name, value);
        return;
      }
      boolean outer = WRITING_SHOWN.get();
      WRITING_SHOWN.set(true);
      try {
        scope.setVariableLocal(name, value);
      } finally {
        WRITING_SHOWN.set(outer);
      }
    }
  }

  /** Whether this thread is writing a task's shown copy ({@link #setLocal}) now. */
  static boolean writingShown() {
    return WRITING_SHOWN.get();
  }

  /** {@code scope.setVariable(name, value)}, unless the variable it would set already holds the value. */
  public static void set(VariableScope scope, String name, Object value) {
    if (!scope.hasVariable(name) || !same(scope.getVariableTyped(name), value)) {
      scope.setVariable(name, value);
    }
  }

  static boolean same(TypedValue held, Object value) {
    if (held == null) {
      return false;
    }
    Object now = comparable(held);
    Object next = comparable(value);
    // an empty value is the same only as a plain empty value (a typed one may change the variable's type)
    return now == null ? next == null && !(value instanceof TypedValue) : now.equals(next);
  }

  /** A value as it compares: JSON by its text, whether a Spin node or a JSON value not yet read; others by value. */
  private static Object comparable(Object value) {
    Object plain = value;
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return new Json(serializable.getValueSerialized());
    }
    if (value instanceof TypedValue typed) {
      plain = typed.getValue();
    }
    if (plain instanceof SpinJsonNode json) {
      return new Json(json.toString());
    }
    return plain;
  }

  private record Json(String text) {
  }
}
