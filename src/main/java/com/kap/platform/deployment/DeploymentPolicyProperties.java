package com.kap.platform.deployment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedScriptLanguages the script languages a deployed diagram may use (compared ignoring case), in BPMN
 *     scripts and as DMN expression languages besides FEEL and JUEL; empty by default, as KAP's own diagrams use none
 */
@ConfigurationProperties("kap.deployment")
public record DeploymentPolicyProperties(@DefaultValue List<String> allowedScriptLanguages) {}
