package com.kap.platform.forms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Submitted form data the server refuses. Thrown from a listener or delegate, it rolls the start or completion back
 * (the task stays open). It is Camunda's own form field validation exception. Its message names the field's path
 * ({@code actions[1].owner}) for logs and tests; people get {@link #forPeople()}, which names the field by the label
 * of the form it was typed into ("Action plan, row 2: Owner"): /engine-rest and Tasklist's API answer 400 with it.
 * The problem is a {@link Problem}, so that it is said in the language of the person who submitted: getMessage() is
 * English, {@link #forPeople()} in that person's language.
 */
public class InvalidFormData extends FormFieldValidationException {

  private final String field;
  private final Problem problem;
  private final String formId;
  private final List<InvalidFormData> all;

  /** A refusal of a field of the form the engine is working on, in any language ({@link Problem}). */
  public InvalidFormData(String field, Problem problem) {
    this(FormLabels.currentFormId(), field, problem);
  }

  /** A refusal of a field of the given form, where the engine is not working on its element (yet). */
  public InvalidFormData(String formId, String field, Problem problem) {
    super(field, field + ": " + problem.english());
    this.field = field;
    this.problem = problem;
    this.formId = formId;
    this.all = List.of(this);
  }

  /**
   * A refusal whose problem is English only, the same in every language: for a text KAP passes on; KAP's own
   * problems are {@link Problem}s.
   */
  public InvalidFormData(String field, String problem) {
    this(field, Problem.verbatim(problem));
  }

  private InvalidFormData(List<InvalidFormData> problems) {
    super(problems.get(0).field, problems.stream().map(InvalidFormData::getMessage).collect(Collectors.joining("; ")));
    this.field = problems.get(0).field;
    this.problem = problems.get(0).problem;
    this.formId = problems.get(0).formId;
    this.all = List.copyOf(problems);
  }

  /** Every problem of a submission at once: a person corrects them all in one go. */
  public static InvalidFormData all(List<InvalidFormData> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problem to report");
    }
    return problems.size() == 1 ? problems.get(0)
        : new InvalidFormData(problems.stream().flatMap(p -> p.all.stream()).toList());
  }

  public String field() {
    return field;
  }

  /** What is wrong with the (first) field, in any language. */
  public Problem problem() {
    return problem;
  }

  /** What a person reads: each field's label, then its problem; several problems numbered, in the form's order. */
  public String forPeople() {
    return forPeople(FormLabels.language());
  }

  /**
   * What a person reads in the language, whole: the fields named by the labels of their form in that language, and
   * their problems in it ({@code i18n/problems*.properties}).
   */
  public String forPeople(Locale locale) {
    if (all.size() == 1) {
      return labelled(locale);
    }
    StringBuilder text = new StringBuilder(java.text.MessageFormat.format(
        FormLabels.text(locale, "form.problems", "{0} problems to correct: "), String.valueOf(all.size())));
    for (int i = 0; i < all.size(); i++) {
      text.append(i == 0 ? "" : Problem.between(locale)).append(i + 1).append(") ")
          .append(all.get(i).labelled(locale));
    }
    return text.toString();
  }

  private String labelled(Locale locale) {
    return Problem.labelled(locale, label(locale), problem.in(locale));
  }

  /** The field as its form labels it in the language. */
  public String label(Locale locale) {
    return FormLabels.describe(formId, field, locale);
  }
  /** The refusal among an exception's causes, as Camunda and Jersey wrap it. */
  public static Optional<InvalidFormData> in(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidFormData refused) {
        return Optional.of(refused);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }
}
