package io.timeledger.api.harvest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a list route that answers a {@link HarvestPage} envelope: its items under {@link #key()},
 * each an {@link #items()}. The OpenAPI document describes the envelope from it
 * ({@link HarvestPageDocs}); the route's Java type is a map, which says nothing of its fields.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface HarvestPageOf {

    /** The collection's key: {@code "clients"}, {@code "time_entries"}… */
    String key();

    /** What each item is, a record whose schema the document already holds. */
    Class<?> items();
}
