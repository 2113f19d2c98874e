package com.kap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * KAP's modules: portfolio, planning, rituals and budget, and the platform they stand on. Spring Modulith takes each
 * package directly under {@code com.kap} as a module and everything below a module's root package as its inside, so a
 * module reaches another only through the types at the other's root (its service, commands, results and events) or
 * through an application event, and no two modules depend on each other, directly or around a circle.
 *
 * <p>The module documentation in {@code docs/modules/} is generated from the same model; the test fails when the
 * checked-in pages no longer match the code. Regenerate them with
 * {@code ./mvnw -q -o test -Dtest=ModulesTest -Dkap.modules.write=true}.
 */
class ModulesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(KapApplication.class);

  static final JavaClasses KAP = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.kap");

  static final Path CHECKED_IN = Path.of("docs/modules");
  static final Path GENERATED = Path.of("target/modules");

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
    MODULES.verify();
  }

  /** The platform is one open module; its parts (web, identity, forms, …) depend on each other one way. */
  @Test
  void thePlatformsPartsHaveNoCycles() {
    slices().matching("com.kap.platform.(*)..").should().beFreeOfCycles()
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kap.platform"));
  }

  /**
   * Inside a module, the engine's callbacks ({@code process/}) and the controllers ({@code web/}) are adapters: they
   * read their input, call the module's public service and show its result. The rules, the SQL and the audit stay in
   * {@code internal/}, behind the service, so one service shows the whole of what the module does.
   */
  @ParameterizedTest
  @ValueSource(strings = {"portfolio", "planning", "rituals", "budget"})
  void adaptersReachTheirModuleOnlyThroughItsPublicService(String module) {
    noClasses().that().resideInAnyPackage("com.kap." + module + ".process..", "com.kap." + module + ".web..")
        .should().dependOnClassesThat().resideInAPackage("com.kap." + module + ".internal..")
        .because("process adapters and controllers call the module's service at com.kap." + module)
        .check(KAP);
  }

  @Test
  void theModuleDocumentationIsUpToDate() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
        .writeDocumentation();
    for (Path file : files(GENERATED)) {
      Files.writeString(file, inStableOrder(Files.readString(file)));
    }
    if (Boolean.getBoolean("kap.modules.write")) {
      replace(CHECKED_IN, GENERATED);
    }
    List<String> stale = new ArrayList<>();
    for (Path file : files(GENERATED)) {
      Path checkedIn = CHECKED_IN.resolve(GENERATED.relativize(file).toString());
      if (!Files.exists(checkedIn) || !Files.readString(checkedIn).equals(Files.readString(file))) {
        stale.add(checkedIn.toString());
      }
    }
    for (Path file : files(CHECKED_IN)) {
      if (!Files.exists(GENERATED.resolve(CHECKED_IN.relativize(file).toString()))) {
        stale.add(file + " (no longer generated)");
      }
    }
    assertThat(stale)
        .as("docs/modules/ differs from the code; regenerate with "
            + "./mvnw -q -o test -Dtest=ModulesTest -Dkap.modules.write=true")
        .isEmpty();
  }

  /** Structurizr writes a diagram's relations in an order that changes from run to run: sorted, they compare. */
  static String inStableOrder(String text) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    List<Integer> at = new ArrayList<>();
    List<String> relations = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Rel(")) {
        at.add(i);
        relations.add(lines.get(i));
      }
    }
    relations.sort(null);
    for (int i = 0; i < at.size(); i++) {
      lines.set(at.get(i), relations.get(i));
    }
    return String.join("\n", lines) + "\n";
  }

  private static void replace(Path target, Path source) throws IOException {
    for (Path old : files(target)) {
      Files.delete(old);
    }
    Files.createDirectories(target);
    for (Path file : files(source)) {
      Files.copy(file, target.resolve(source.relativize(file).toString()));
    }
  }

  private static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
