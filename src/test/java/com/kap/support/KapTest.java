package com.kap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, as the README's run command starts it (demo profile, job executor on),
 * on an in-memory database. All integration tests share this one context: Camunda's container allows one
 * process application of a name per JVM. Metrics are exported as in production (Spring Boot's tests turn the
 * Prometheus endpoint off unless asked), so that operations tests can scrape them. The browser tests learn from
 * {@link RefusedRequests} which of their requests the application refused.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:kap-test;DB_CLOSE_DELAY=-1",
        "kap.notifications.outbox=target/test-outbox",
        // links that leave KAP (mails, calendar addresses) start with it, not with the test server's address
        "kap.public-base-url=https://kap.test.example"})
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
@Import(RefusedRequests.class)
public @interface KapTest {}
