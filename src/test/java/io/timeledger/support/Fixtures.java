package io.timeledger.support;

import io.timeledger.auth.Credentials;
import io.timeledger.auth.Passwords;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.Actor;
import io.timeledger.core.account.NewAccount;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import io.timeledger.core.common.AccountId;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Builds accounts and people through the core services, each test its own, so tests never share data. */
@TestComponent
public class Fixtures {

    private final Accounts accounts;
    private final People people;
    private final Credentials credentials;
    private final Passwords passwords;

    Fixtures(Accounts accounts, People people, Credentials credentials, Passwords passwords) {
        this.accounts = accounts;
        this.people = people;
        this.credentials = credentials;
        this.passwords = passwords;
    }

    /** A person in an account, with a personal access token for it. */
    public record Person(AccountId account, long userId, long membershipId, String email, String token) { }

    /** A new account with its administrator. */
    public Person anAccount() {
        return anAccount("Account " + UUID.randomUUID());
    }

    /** A new account whose administrator signs in on the web pages with {@code password}. */
    public Person anAccountSigningInWith(String password) {
        var person = anAccount();
        passwords.set(person.userId(), password);
        return person;
    }

    public Person anAccount(String name) {
        var account = accounts.open(new NewAccount(name, "USD", "UTC", null));
        return aPerson(account.id(), Role.ADMIN, null);
    }

    /** The person as the core sees them acting: what authentication resolves their token to. */
    public Actor actorOf(Person person) {
        return new Actor(people.member(person.account(), person.membershipId()), accounts.get(person.account()));
    }

    public Person aMember(AccountId account) {
        return aPerson(account, Role.MEMBER, null);
    }

    /** A member of {@code account} who signs in on the web pages with {@code password}. */
    public Person aMemberSigningInWith(AccountId account, String password) {
        return aPersonSigningInWith(account, Role.MEMBER, password);
    }

    /** A person of {@code account} in {@code role} who signs in on the web pages with {@code password}. */
    public Person aPersonSigningInWith(AccountId account, Role role, String password) {
        var person = aPerson(account, role, null);
        passwords.set(person.userId(), password);
        return person;
    }

    public Person aPerson(AccountId account, Role role, BigDecimal rate) {
        var email = "person-" + UUID.randomUUID() + "@example.com";
        var user = people.createUser(new NewUser(email, "Pat", "Doe", "Australia/Sydney"));
        var member = people.join(account, user.id(), role, rate);
        var token = credentials.issuePersonalAccessToken(user.id(), account, "test").secret();
        return new Person(account, user.id(), member.id(), email, token);
    }

    /** Adds an existing user to another account; returns their place there, with a token for it. */
    public Person join(Person person, AccountId account, Role role) {
        var member = people.join(account, person.userId(), role, null);
        var token = credentials.issuePersonalAccessToken(person.userId(), account, "test").secret();
        return new Person(account, person.userId(), member.id(), person.email(), token);
    }

    public String apiKeyOf(Person person) {
        return credentials.regenerateApiKey(person.userId()).secret();
    }
}
