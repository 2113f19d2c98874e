package com.kap.platform.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects the problems of one submission, so that a refusal lists them all instead of the first: each row of a list,
 * or each independent check, runs through {@link #check}; {@link #throwIfAny} refuses with every problem found.
 */
public final class FormProblems {

  private final List<InvalidFormData> problems = new ArrayList<>();

  /** Runs one check; a refusal is kept and empty is returned, so that the next check still runs. */
  public <T> Optional<T> check(Supplier<T> check) {
    try {
      return Optional.ofNullable(check.get());
    } catch (InvalidFormData problem) {
      problems.add(problem);
      return Optional.empty();
    }
  }

  public void add(InvalidFormData problem) {
    problems.add(problem);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw InvalidFormData.all(problems);
    }
  }
}
