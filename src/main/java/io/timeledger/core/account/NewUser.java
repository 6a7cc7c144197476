package io.timeledger.core.account;

import io.timeledger.core.common.Invalid;
import java.util.regex.Pattern;

/** What it takes to create a user. */
public record NewUser(String email, String firstName, String lastName, String timeZone) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    public NewUser {
        var problems = new Invalid.Collector();
        if (email == null || !EMAIL.matcher(email.strip()).matches() || email.strip().length() > 254) {
            problems.add("email", "is not a valid email address");
        }
        firstName = firstName == null ? "" : firstName.strip();
        lastName = lastName == null ? "" : lastName.strip();
        if (firstName.length() > 255) {
            problems.add("first_name", "is too long (maximum is 255 characters)");
        }
        if (lastName.length() > 255) {
            problems.add("last_name", "is too long (maximum is 255 characters)");
        }
        if (timeZone == null) {
            timeZone = "UTC";
        } else if (!NewAccount.isZone(timeZone)) {
            problems.add("time_zone", "must be a time zone such as Europe/Berlin");
        }
        problems.throwIfAny();
        email = email.strip();
    }
}
