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
 * {@code VariableScope} ({@code PlanForm.read}, {@code BidForm.read}), and in those that these in turn hand the form
 * to (a service's command that reads its form with {@code BidForm.read}). Only names written as string literals are
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

  /** How many calls deep the reads of a listener's helpers are followed. */
  private static final int HELPER_DEPTH = 2;

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
    Set<Path> module = sameModule(source);
    for (Path helper : module) {
      reads.addAll(readsOfCalledMethods(text, text, helper, module, HELPER_DEPTH));
    }
    return reads;
  }

  private Path sourceOf(String className) {
    String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    return sourceRoot.resolve(topLevel.replace('.', '/') + ".java");
  }

  /**
   * The reads inside those methods of {@code helper} that {@code code} calls, by class or by a variable that
   * {@code declarations} declares; within {@code depth} calls, also in the methods these call in turn, of the module's
   * classes or of the helper itself.
   */
  private static Reads readsOfCalledMethods(String declarations, String code, Path helper, Set<Path> module,
      int depth) {
    String helperName = helper.getFileName().toString().replaceFirst("\\.java$", "");
    String helperText = read(helper);
    Set<String> receivers = new LinkedHashSet<>(Set.of(helperName));
    Matcher variable = Pattern.compile("\\b" + helperName + "\\s+([A-Za-z_]\\w*)\\s*[;,)=]").matcher(declarations);
    while (variable.find()) {
      receivers.add(variable.group(1));
    }
    Reads reads = Reads.none();
    Matcher method = FORM_METHOD.matcher(helperText);
    while (method.find()) {
      String name = method.group(1);
      boolean called = receivers.stream()
          .anyMatch(r -> Pattern.compile("\\b" + r + "\\s*\\.\\s*" + name + "\\s*\\(").matcher(code).find());
      if (called) {
        String body = method.group(2) + " " + JavaBlock.from(helperText, method.end() - 1);
        reads.addAll(readsIn(body));
        if (depth > 1) {
          reads.addAll(readsOfOwnMethods(helperText, body));
          for (Path next : module) {
            reads.addAll(readsOfCalledMethods(helperText, body, next, module, depth - 1));
          }
        }
      }
    }
    return reads;
  }

  /** The reads inside the methods of {@code text} that {@code code}, one of its methods, calls without a receiver. */
  private static Reads readsOfOwnMethods(String text, String code) {
    Reads reads = Reads.none();
    Matcher method = FORM_METHOD.matcher(text);
    while (method.find()) {
      if (Pattern.compile("(?<![.\\w])" + method.group(1) + "\\s*\\(").matcher(code).find()) {
        reads.addAll(readsIn(method.group(2) + " " + JavaBlock.from(text, method.end() - 1)));
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
