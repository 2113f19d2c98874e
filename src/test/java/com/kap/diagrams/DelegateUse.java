package com.kap.diagrams;

/** A diagram element that names a Spring bean as its delegate or listener ({@code ${beanName}}). */
record DelegateUse(String bean, Kind kind, String file, String element) {

  enum Kind {
    /** the implementation of a service or send task, or of a message event */
    DELEGATE,
    EXECUTION_LISTENER,
    TASK_LISTENER;

    static Kind of(String holderName) {
      return switch (holderName) {
        case "executionListener" -> EXECUTION_LISTENER;
        case "taskListener" -> TASK_LISTENER;
        default -> DELEGATE;
      };
    }
  }
}
