package io.timeledger.core.account;

import java.util.List;

/**
 * What an account records about the work a person does for it, beside role and rates (Harvest's
 * user object): none of it grants or limits anything, except {@code joinsNewProjects}.
 *
 * @param telephone        as the account keeps it; empty when unknown
 * @param contractor       a contractor rather than an employee
 * @param weeklyCapacity   the seconds a week the person is available (126,000: 35 hours)
 * @param joinsNewProjects every project created from now on assigns the person
 * @param businessRoles    descriptive names ("Developer"), for reports, not permissions
 */
public record Employment(String telephone, boolean contractor, int weeklyCapacity, boolean joinsNewProjects,
                         List<String> businessRoles) {

    /** A week of 35 hours, as Harvest assumes. */
    public static final int DEFAULT_WEEKLY_CAPACITY = 126_000;

    public Employment {
        businessRoles = List.copyOf(businessRoles);
    }
}
