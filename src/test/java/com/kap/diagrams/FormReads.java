package com.kap.diagrams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The form fields a delegate or listener reads through {@code FormValues}, found in its Java source: calls such as
 * {@code values.text("approverComments", …)}, {@code entries(values, "objectives", …)} and, for the entries of a
 * dynamic list, {@code FormValues.text(entry, path, "reason", …)}; also in the methods of another class of its
 * business module (or of its package, outside the modules) that it calls and that take {@code FormValues} or a
 * {@code VariableScope} ({@code PlanForm.read}, {@code BidForm.read}). Only names written as string literals are
 * found: a name computed at run time (the scorecard's one field per criterion) is not.
 */
final class FormReads {

  /** @param fields top-level form variables read; @param entryKeys keys read from the entries of a list */
  record Reads(Set<String> fields, Set<String> entryKeys) {

    static Reads none() {
      return new Reads(new LinkedHashSet<>(), new LinkedHashSet<>());
    }

    void addAll(Reads other) {
      fields.addAll(other.fields);
      entryKeys.addAll(other.entryKeys);
    }
  }

  private static final String READ_METHODS = "(?:text|integer|wholeNumber|decimal|flag|objectList|choice|date)";
  private static final String LITERAL = "\"([A-Za-z0-9_.\\-\\[\\]]+)\"";
  private static final Pattern FORM_VALUES_VARIABLE = Pattern.compile("\\bFormValues\\s+([A-Za-z_]\\w*)");
  private static final Pattern INLINE_READ = Pattern.compile(
      "\\bFormValues\\s*\\.\\s*of\\s*\\([^()]*\\)\\s*\\.\\s*" + READ_METHODS + "\\s*\\(\\s*" + LITERAL);
  private static final Pattern ENTRY_READ = Pattern.compile(
      "\\bFormValues\\s*\\.\\s*" + READ_METHODS + "\\s*\\(\\s*[^,()]+,\\s*[^,()]+,\\s*" + LITERAL);
  private static final Pattern FORM_METHOD = Pattern.compile(
      "\\b([a-z]\\w*)\\s*\\(([^()]*\\b(?:FormValues|VariableScope)\\s+\\w+[^()]*)\\)\\s*(?:throws [^{;]+)?\\{");

  private final Path sourceRoot;

  FormReads(Path sourceRoot) {
    this.sourceRoot = sourceRoot;
  }

  /** What the class reads; nothing when its source is not under the source root (not one of KAP's classes). */
  Reads of(String className) {
    Path source = sourceOf(className);
    if (!Files.isRegularFile(source)) {
      return Reads.none();
    }
    String text = read(source);
    Reads reads = readsIn(text);
    for (Path helper : sameModule(source)) {
      reads.addAll(readsOfCalledMethods(text, helper));
    }
    return reads;
  }

  private Path sourceOf(String className) {
    String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    return sourceRoot.resolve(topLevel.replace('.', '/') + ".java");
  }

  /** The reads inside those methods of {@code helper} that {@code caller} calls, by class or by a variable. */
  private static Reads readsOfCalledMethods(String caller, Path helper) {
    String helperName = helper.getFileName().toString().replaceFirst("\\.java$", "");
    String helperText = read(helper);
    Set<String> receivers = new LinkedHashSet<>(Set.of(helperName));
    Matcher variable = Pattern.compile("\\b" + helperName + "\\s+([A-Za-z_]\\w*)\\s*[;,)=]").matcher(caller);
    while (variable.find()) {
      receivers.add(variable.group(1));
    }
    Reads reads = Reads.none();
    Matcher method = FORM_METHOD.matcher(helperText);
    while (method.find()) {
      String name = method.group(1);
      boolean called = receivers.stream()
          .anyMatch(r -> Pattern.compile("\\b" + r + "\\s*\\.\\s*" + name + "\\s*\\(").matcher(caller).find());
      if (called) {
        reads.addAll(readsIn(method.group(2) + " " + JavaBlock.from(helperText, method.end() - 1)));
      }
    }
    return reads;
  }

  private static Reads readsIn(String code) {
    Reads reads = Reads.none();
    Matcher variable = FORM_VALUES_VARIABLE.matcher(code);
    Set<String> names = new LinkedHashSet<>();
    while (variable.find()) {
      names.add(variable.group(1));
    }
    for (String name : names) {
      collect(Pattern.compile("\\b" + name + "\\s*\\.\\s*" + READ_METHODS + "\\s*\\(\\s*" + LITERAL), code,
          reads.fields());
      // a helper handed the form values and a field name, e.g. entries(values, "objectives", …)
      collect(Pattern.compile("\\(\\s*" + name + "\\s*,\\s*" + LITERAL), code, reads.fields());
    }
    collect(INLINE_READ, code, reads.fields());
    collect(ENTRY_READ, code, reads.entryKeys());
    return reads;
  }

  private static void collect(Pattern pattern, String code, Set<String> into) {
    Matcher read = pattern.matcher(code);
    while (read.find()) {
      into.add(read.group(1));
    }
  }

  /**
   * The other sources of the class's module: a module's delegates (in {@code process/}) call helpers elsewhere in
   * it ({@code PlanForm}, {@code BidForm}). Outside a module's tree, the class's own package.
   */
  private Set<Path> sameModule(Path source) {
    Path kap = sourceRoot.resolve("com/kap");
    Path relative = source.startsWith(kap) ? kap.relativize(source) : null;
    Path folder = relative != null && relative.getNameCount() >= 2 && !relative.getName(0).toString().equals("platform")
        ? kap.resolve(relative.getName(0)) : source.getParent();
    try (Stream<Path> siblings = folder.equals(source.getParent()) ? Files.list(folder) : Files.walk(folder)) {
      return siblings.filter(p -> p.toString().endsWith(".java") && !p.equals(source))
          .collect(LinkedHashSet::new, Set::add, Set::addAll);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
