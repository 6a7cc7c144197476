package io.timeledger.core.catalog;

import io.timeledger.core.common.Field;
import io.timeledger.core.common.Invalid;
import java.math.BigDecimal;

/** A create or partial update of a task; absent fields keep their value. */
public record TaskChanges(Field<String> name, Field<Boolean> pinned, Field<BigDecimal> defaultRate,
                          Field<Boolean> billable, Field<Boolean> active) {

    Task applyTo(Task current) {
        var problems = new Invalid.Collector();
        var task = new Task(
            current.id(),
            Names.required(problems, "name", name.orElse(current.name()), DetailChanges.NAME_MAX),
            Flags.required(problems, "pinned", pinned.orElse(current.pinned())),
            Money.amount(problems, "default_rate_dollars", defaultRate.orElse(current.defaultRate()),
                DetailChanges.RATE_MAX),
            Flags.required(problems, "billable", billable.orElse(current.billable())),
            Flags.required(problems, "is_active", active.orElse(current.active())),
            current.entriesCount(),
            current.createdAt(),
            current.updatedAt());
        problems.throwIfAny();
        return task;
    }
}
