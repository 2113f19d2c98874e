package com.kap.portfolio.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxRows the most accounts one import may hold; a larger file is refused with 413 as soon as the parser
 *     reaches the row past it
 */
@ConfigurationProperties("kap.portfolio")
public record PortfolioProperties(@DefaultValue("100000") int maxRows) {}
