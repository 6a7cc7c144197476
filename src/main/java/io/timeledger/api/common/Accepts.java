package io.timeledger.api.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The body a write route reads, for its OpenAPI document ({@link AcceptsDocs}): a record of the
 * fields the route reads by name, as the wire names them. The routes themselves read JSON trees
 * (each dialect's leniency: nested or flat, numbers or strings for ids), so this is what they
 * document, not how they parse; {@code OpenApiTests} checks that every field listed is read.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Accepts {

    Class<?> value();
}
