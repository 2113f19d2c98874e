package com.kap.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body /api and /engine-rest accept; larger ones are refused with 413
 */
@ConfigurationProperties("kap.web")
public record WebProperties(@DefaultValue("16MB") DataSize maxRequestSize) {}
