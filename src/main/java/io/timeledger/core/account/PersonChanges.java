package io.timeledger.core.account;

import io.timeledger.core.common.Field;
import java.math.BigDecimal;
import java.util.List;

/**
 * A partial update of a person in an account, each field left out unless set by name:
 * {@code PersonChanges.none().role(Field.of(Role.MANAGER)).costRate(rate)}. The profile fields
 * (names, email, time zone) are the person's own and shared by every account they belong to; the
 * rest belong to the membership.
 */
public final class PersonChanges {

    private Field<String> firstName = Field.absent();
    private Field<String> lastName = Field.absent();
    private Field<String> email = Field.absent();
    private Field<String> timeZone = Field.absent();
    private Field<Role> role = Field.absent();
    private Field<BigDecimal> billingRate = Field.absent();
    private Field<BigDecimal> costRate = Field.absent();
    private Field<Boolean> active = Field.absent();
    private Field<String> telephone = Field.absent();
    private Field<Boolean> contractor = Field.absent();
    private Field<Long> weeklyCapacity = Field.absent();
    private Field<Boolean> joinsNewProjects = Field.absent();
    private Field<List<String>> businessRoles = Field.absent();

    private PersonChanges() { }

    public static PersonChanges none() {
        return new PersonChanges();
    }

    public PersonChanges firstName(Field<String> value) {
        firstName = value;
        return this;
    }

    public PersonChanges lastName(Field<String> value) {
        lastName = value;
        return this;
    }

    public PersonChanges email(Field<String> value) {
        email = value;
        return this;
    }

    public PersonChanges timeZone(Field<String> value) {
        timeZone = value;
        return this;
    }

    public PersonChanges role(Field<Role> value) {
        role = value;
        return this;
    }

    public PersonChanges billingRate(Field<BigDecimal> value) {
        billingRate = value;
        return this;
    }

    public PersonChanges costRate(Field<BigDecimal> value) {
        costRate = value;
        return this;
    }

    /** false archives the person in the account, true restores them. */
    public PersonChanges active(Field<Boolean> value) {
        active = value;
        return this;
    }

    public PersonChanges telephone(Field<String> value) {
        telephone = value;
        return this;
    }

    public PersonChanges contractor(Field<Boolean> value) {
        contractor = value;
        return this;
    }

    public PersonChanges weeklyCapacity(Field<Long> value) {
        weeklyCapacity = value;
        return this;
    }

    public PersonChanges joinsNewProjects(Field<Boolean> value) {
        joinsNewProjects = value;
        return this;
    }

    public PersonChanges businessRoles(Field<List<String>> value) {
        businessRoles = value;
        return this;
    }

    Field<String> firstName() {
        return firstName;
    }

    Field<String> lastName() {
        return lastName;
    }

    Field<String> email() {
        return email;
    }

    Field<String> timeZone() {
        return timeZone;
    }

    Field<Role> role() {
        return role;
    }

    Field<BigDecimal> billingRate() {
        return billingRate;
    }

    Field<BigDecimal> costRate() {
        return costRate;
    }

    Field<Boolean> active() {
        return active;
    }

    Field<String> telephone() {
        return telephone;
    }

    Field<Boolean> contractor() {
        return contractor;
    }

    Field<Long> weeklyCapacity() {
        return weeklyCapacity;
    }

    Field<Boolean> joinsNewProjects() {
        return joinsNewProjects;
    }

    Field<List<String>> businessRoles() {
        return businessRoles;
    }

    /** Whether anything beyond the person's own profile and telephone is changed: an admin's business. */
    boolean changesMembership() {
        return role.isGiven() || billingRate.isGiven() || costRate.isGiven() || active.isGiven()
            || contractor.isGiven() || weeklyCapacity.isGiven() || joinsNewProjects.isGiven()
            || businessRoles.isGiven();
    }

    boolean changesProfile() {
        return firstName.isGiven() || lastName.isGiven() || email.isGiven() || timeZone.isGiven();
    }
}
