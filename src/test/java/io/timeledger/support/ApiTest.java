package io.timeledger.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole server on a random port over a throw-away embedded PostgreSQL. Every test class with
 * this annotation shares one server (Spring caches the context); each test makes its own accounts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"timeledger.database.ephemeral=true", "timeledger.first-start.enabled=false",
        "timeledger.rate-limit.enabled=false", "timeledger.events.heartbeat=1s",
        "timeledger.events.still-wanted=1s",
        // the imports' Harvest source reads from this very server, on localhost
        "timeledger.imports.private-addresses=true",
        // the webhooks' receivers are this test's own, on localhost; their retries come quickly
        "timeledger.webhooks.allow-private=true", "timeledger.webhooks.first-retry=200ms",
        "timeledger.webhooks.poll=200ms"})
@Import({Fixtures.class, Api.class, Statements.class, TestSupport.class})
public @interface ApiTest { }
