package io.timeledger.core.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A method that only reads. Inside a transaction it takes part in it (a write reading what it is
 * about to change); outside one it opens none: its statements run on one connection, bound to the
 * thread for the call, each in PostgreSQL's own autocommit. Under READ COMMITTED a transaction gives
 * a series of reads nothing they lack (every statement takes its own snapshot either way), and
 * its BEGIN and COMMIT are two more round trips to the database per request (decision 010).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public @interface Reads {
}
