package com.kap.platform.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A process's deployed versions, oldest first, with how many instances run on each. */
public record VersionsView(String processKey, String name, int latestVersion, List<Version> versions) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Version(int version, String versionTag, String processDefinitionId, String deployment,
      Instant deployedAt, long runningInstances) {}
}
