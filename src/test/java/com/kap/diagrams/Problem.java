package com.kap.diagrams;

/**
 * One thing wrong with a process owner's file.
 *
 * @param file the file, relative to the project, e.g. {@code bpmn/accountPlan.bpmn}
 * @param element the element it concerns, e.g. {@code userTask 'draftAccountPlan'}; null for the whole file
 */
public record Problem(String file, String element, String message) {

  static Problem inFile(String file, String message) {
    return new Problem(file, null, message);
  }

  @Override
  public String toString() {
    return file + (element == null ? "" : " " + element) + ": " + message;
  }
}
