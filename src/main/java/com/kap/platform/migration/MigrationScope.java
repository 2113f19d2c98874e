package com.kap.platform.migration;

import com.kap.platform.web.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;

/** The target version of a migration and the versions whose instances move to it. */
record MigrationScope(ProcessDefinition target, List<ProcessDefinition> sources) {

  /** Checks the request against what is deployed; 400 naming the field for a key or version that does not fit. */
  static MigrationScope of(MigrationRequest request, ProcessVersions versions) {
    List<ProcessDefinition> all = versions.all(request.processKey());
    if (all.isEmpty()) {
      throw ApiException.ofField(HttpStatus.BAD_REQUEST, "processKey", "error.migration.noProcessField",
          request.processKey());
    }
    ProcessDefinition target = request.targetVersion() == null ? all.get(all.size() - 1)
        : version(all, request.targetVersion()).orElseThrow(() -> unknown("targetVersion", request, all));
    if (request.sourceVersion() == null) {
      return new MigrationScope(target, all.stream().filter(v -> v.getVersion() < target.getVersion())
          .filter(v -> versions.runningInstances(v.getId()) > 0).toList());
    }
    ProcessDefinition source = version(all, request.sourceVersion())
        .orElseThrow(() -> unknown("sourceVersion", request, all));
    if (source.getVersion() >= target.getVersion()) {
      throw ApiException.ofField(HttpStatus.BAD_REQUEST, "sourceVersion", request.targetVersion() == null
          ? "error.migration.sourceNotOlderThanLatest" : "error.migration.sourceNotOlder",
          String.valueOf(target.getVersion()));
    }
    return new MigrationScope(target, List.of(source));
  }

  private static Optional<ProcessDefinition> version(List<ProcessDefinition> all, int version) {
    return all.stream().filter(definition -> definition.getVersion() == version).findFirst();
  }

  private static ApiException unknown(String field, MigrationRequest request, List<ProcessDefinition> all) {
    int asked = field.equals("targetVersion") ? request.targetVersion() : request.sourceVersion();
    return ApiException.ofField(HttpStatus.BAD_REQUEST, field, "error.migration.noVersion", field,
        request.processKey(), String.valueOf(asked),
        all.stream().map(v -> String.valueOf(v.getVersion())).collect(Collectors.joining(", ")));
  }
}
