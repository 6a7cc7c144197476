package io.timeledger.core.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A heavy read — a report, an export — that may run on a read replica when the server has one
 * ({@code TIMELEDGER_DATABASE_REPLICA_URL}). It reads there only once the replica has replayed
 * everything the primary had written when the call began, so whoever just wrote reads their write;
 * a replica too far behind, or down, leaves the call on the primary. Inside a transaction already
 * open the call stays in it. A method so marked must not write.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReplicaReads {
}
