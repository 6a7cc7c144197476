package io.timeledger.core.common;

import java.util.function.Function;

/**
 * One field of a partial update: either left out of the request, or given (possibly as null,
 * which clears it). {@link java.util.Optional} cannot tell "clear it" from "leave it".
 */
public sealed interface Field<T> {

    record Absent<T>() implements Field<T> { }

    record Given<T>(T value) implements Field<T> { }

    @SuppressWarnings("unchecked")
    static <T> Field<T> absent() {
        return (Field<T>) ABSENT;
    }

    static <T> Field<T> of(T value) {
        return new Given<>(value);
    }

    default boolean isGiven() {
        return this instanceof Given<T>;
    }

    /** The given value, or {@code current} when the field was left out. */
    default T orElse(T current) {
        return this instanceof Given<T> given ? given.value() : current;
    }

    default <R> Field<R> map(Function<? super T, ? extends R> mapper) {
        return this instanceof Given<T> given ? of(mapper.apply(given.value())) : absent();
    }

    Absent<?> ABSENT = new Absent<>();
}
