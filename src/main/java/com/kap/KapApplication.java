package com.kap;

import com.kap.platform.database.H2Restore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KapApplication {

  public static void main(String[] args) {
    if (H2Restore.asked(args)) {
      H2Restore.run(args); // restores the H2 database from a backup and stops; see docs/operations.md
      return;
    }
    SpringApplication.run(KapApplication.class, args);
  }

  /** The engine's clock, so that domain timestamps and timers agree (and tests can move both). */
  @Bean
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("KAP's clock is UTC");
      }

      @Override
      public Instant instant() {
        return ClockUtil.now().toInstant();
      }
    };
  }
}
