package com.kap.platform.deployment;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** One reason a resource is refused, in the form Camunda reports parse errors (and Camunda Modeler shows them). */
final class Refusal implements Problem {

  private final String message;
  private final int line;
  private final int column;
  private final String elementId;

  Refusal(String message, int line, int column, String elementId) {
    this.message = message;
    this.line = line;
    this.column = column;
    this.elementId = elementId;
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public String getMainElementId() {
    return elementId;
  }

  @Override
  public List<String> getElementIds() {
    return elementId == null ? List.of() : List.of(elementId);
  }
}
