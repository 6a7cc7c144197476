package io.timeledger.core.common;

import java.util.ArrayList;
import java.util.List;

/** A request that cannot be carried out as given; each violation names its field. */
public final class Invalid extends RuntimeException {

    /** One problem with one field; {@code field} is {@code "base"} when no single field is at fault. */
    public record Violation(String field, String message) { }

    private final List<Violation> violations;

    public Invalid(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an Invalid needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public Invalid(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        var parts = new ArrayList<String>();
        for (var v : violations) {
            parts.add(v.field() + " " + v.message());
        }
        return String.join(", ", parts);
    }

    /** Collects violations and throws them together, so a client learns every problem in one round trip. */
    public static final class Collector {
        private final List<Violation> violations = new ArrayList<>();

        public void add(String field, String message) {
            violations.add(new Violation(field, message));
        }

        public void addAll(Invalid invalid) {
            violations.addAll(invalid.violations());
        }

        public boolean names(String field) {
            return violations.stream().anyMatch(v -> v.field().equals(field));
        }

        public boolean isEmpty() {
            return violations.isEmpty();
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new Invalid(violations);
            }
        }
    }
}
