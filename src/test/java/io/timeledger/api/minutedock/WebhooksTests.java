package io.timeledger.api.minutedock;

import static io.timeledger.support.WebhookReceiver.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.OwnNetwork;
import io.timeledger.core.hooks.Webhooks;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.TestClock;
import io.timeledger.support.WebhookReceiver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks: a receiver on this host gets every change of a session as the change log has it,
 * signed, in order; it may be down for a while and still gets them all, in order; after a day of
 * failing the subscription pauses and says why; and nothing reaches the server's own network unless
 * the operator allows it.
 */
@ApiTest
class WebhooksTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired WebhookSender sender;
    @Autowired TestClock clock;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        jdbc.sql("DELETE FROM webhook").update();
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aReceiverGetsEveryChangeOfASessionAsLoggedSignedAndInOrder() {
        var admin = fixtures.anAccount();
        var receiver = receiver();
        var made = subscribe(admin, receiver, Webhooks.KINDS);
        var secret = made.get("secret").stringValue();
        assertThat(secret).startsWith("whsec_");
        assertThat(made.get("events")).hasSize(Webhooks.KINDS.size());
        assertThat(made.get("active").booleanValue()).isTrue();
        var catalogReceiver = receiver();
        subscribe(admin, catalogReceiver, List.of(Webhooks.CATALOG));

        var caller = api.bearer(admin.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Hooked Ltd\","
            + " \"default_rate_dollars\": \"100.00\"}}").expect(201).json().get("id").stringValue();
        long first = entry(admin, "Drafting");
        caller.put("/api/v1/entries/" + first, "{\"entry\": {\"description\": \"Drafting, again\"}}").expect(200);
        long second = Long.parseLong(caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-02\","
            + " \"duration\": 3600, \"description\": \"Reviewing\", \"contact_id\": \"" + contact + "\"}}")
            .expect(201).json().get("id").stringValue());
        caller.post("/api/v1/dock", "{\"entry\": {\"description\": \"On the clock\", \"timer_active\": true}}")
            .expect(200);
        caller.delete("/api/v1/entries/" + first).expect(200);
        var invoice = caller.post("/api/v1/invoices", "{\"invoice\": {\"contact_id\": \"" + contact
            + "\", \"from\": \"2026-11-01\", \"to\": \"2026-11-30\"}}").expect(201).json().get("id").stringValue();
        caller.put("/api/v1/invoices/" + invoice, "{\"invoice\": {\"status\": \"sent\"}}").expect(200);

        var logged = jdbc.sql("SELECT kind || ' ' || object_id FROM change_log WHERE account_id = :account ORDER BY seq")
            .param("account", admin.account().value()).query(String.class).list();
        // drafting the invoice billed the second entry; then it was sent
        assertThat(logged).contains("entry.deleted " + first, "dock.changed " + admin.membershipId())
            .endsWith("invoice.drafted " + invoice, "entry.updated " + second, "invoice.sent " + invoice);
        awaitThat(() -> receiver.taken().size() >= logged.size());
        var events = receiver.taken();
        var seen = new ArrayList<String>();
        for (var request : events) {
            var body = JSON.readTree(request.body());
            assertThat(request.header("Timeledger-Event-Id")).isEqualTo(body.get("id").stringValue());
            assertThat(request.header("Content-Type")).startsWith("application/json");
            var signature = request.header("Timeledger-Signature");
            var t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            assertThat(signature).endsWith(",v1=" + WebhookSender.sign(secret, t, request.body()));
            assertThat(body.get("account_id").stringValue()).isEqualTo(admin.account().toString());
            assertThat(body.get("occurred_at").stringValue()).endsWith("Z");
            var object = body.get("object");
            seen.add(body.get("kind").stringValue() + " " + (body.get("kind").stringValue().equals("dock.changed")
                ? object.get("user_account_id").stringValue() : object.get("id").stringValue()));
        }
        assertThat(seen).containsExactlyElementsOf(logged);
        // the event carries the object as this API renders it: the invoice, the invoiced entry
        var sent = JSON.readTree(events.get(events.size() - 1).body()).get("object");
        assertThat(sent.get("status").stringValue()).isEqualTo("sent");
        assertThat(sent.get("line_items")).isNotEmpty();
        var invoiced = JSON.readTree(events.get(events.size() - 2).body()).get("object");
        assertThat(invoiced.get("description").stringValue()).isEqualTo("Reviewing");
        assertThat(invoiced.get("duration").intValue()).isEqualTo(3600);
        assertThat(invoiced.get("invoice_id").isString()).isTrue();
        // the catalog, asked for as catalog.changed, is sent as what changed: here a contact
        var contactEvent = JSON.readTree(events.get(0).body());
        assertThat(contactEvent.get("kind").stringValue()).isEqualTo("contact.changed");
        assertThat(contactEvent.get("object").get("name").stringValue()).isEqualTo("Hooked Ltd");
        awaitThat(() -> !catalogReceiver.taken().isEmpty());
        assertThat(catalogReceiver.taken()).extracting(request -> JSON.readTree(request.body()).get("kind").stringValue())
            .containsExactly("contact.changed");

        // each post's answer is recorded a moment after the receiver has it
        var log = "/api/v1/webhooks/" + made.get("id").stringValue() + "/deliveries";
        awaitThat(() -> caller.get(log).json().get(0).get("status").stringValue().equals("delivered"));
        var deliveries = caller.get(log).expect(200).json();
        assertThat(deliveries).hasSize(logged.size());
        for (var delivery : deliveries) {
            assertThat(delivery.get("status").stringValue()).isEqualTo("delivered");
            assertThat(delivery.get("response_code").intValue()).isEqualTo(200);
            assertThat(delivery.get("attempts").intValue()).isEqualTo(1);
            assertThat(delivery.get("latency_ms").isNumber()).isTrue();
        }
    }

    @Test
    void sendersStoppedAndStartedAgainPostOn() {
        // as a test context is paused between the classes that use it, and started again
        sender.stop();
        sender.start();
        var admin = fixtures.anAccount();
        var receiver = receiver();
        subscribe(admin, receiver, List.of("entry.created"));
        var made = Long.toString(entry(admin, "After a restart"));
        awaitThat(() -> receiver.taken().size() == 1);
        assertThat(objectId(receiver.taken().get(0).body())).isEqualTo(made);
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEverythingInOrderOnceItIsBack() {
        // the retries' day is the database's: the server's clock, moved on by other tests, counts for nothing
        clock.advance(Duration.ofDays(3));
        try {
            receiverDownForAWhile();
        } finally {
            clock.advance(Duration.ofDays(-3));
        }
    }

    private void receiverDownForAWhile() {
        var admin = fixtures.anAccount();
        var receiver = receiver();
        receiver.status.set(503);
        var made = subscribe(admin, receiver, List.of("entry.created"));
        var ids = new ArrayList<String>();
        for (var description : List.of("One", "Two", "Three")) {
            ids.add(Long.toString(entry(admin, description)));
        }

        // it keeps trying the first, and sends nothing after it meanwhile
        awaitThat(() -> receiver.requests.size() >= 3);
        assertThat(receiver.requests).extracting(request -> objectId(request.body())).containsOnly(ids.get(0));
        var waiting = api.bearer(admin.token()).get("/api/v1/webhooks/" + made.get("id").stringValue()
            + "/deliveries").expect(200).json();
        var oldest = waiting.get(waiting.size() - 1);
        assertThat(oldest.get("status").stringValue()).isEqualTo("pending");
        assertThat(oldest.get("response_code").intValue()).isEqualTo(503);
        assertThat(oldest.get("next_attempt_at").isString()).isTrue();

        receiver.status.set(200);
        awaitThat(() -> receiver.taken().size() == 3);
        assertThat(receiver.taken()).extracting(request -> objectId(request.body())).containsExactlyElementsOf(ids);
    }

    @Test
    void anAccountsSubscriptionsAreServedTogetherEachInItsOwnOrderWhateverTheOthersDo() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        var down = receiver();
        down.status.set(503);
        var up = receiver();
        var later = receiver();
        subscribe(admin, down, List.of("entry.created"));
        subscribe(admin, up, List.of("entry.created"));
        var paused = "/api/v1/webhooks/" + subscribe(admin, later, List.of("entry.created")).get("id").stringValue();
        caller.put(paused, "{\"webhook\": {\"active\": false}}").expect(200);
        var ids = new ArrayList<String>();
        ids.add(Long.toString(entry(admin, "One")));
        ids.add(Long.toString(entry(admin, "Two")));

        // one receiver down holds up none of the others
        awaitThat(() -> up.taken().size() == 2 && !down.requests.isEmpty());
        // one far behind (resumed) catches up beside one that is current, which gets nothing twice
        caller.put(paused, "{\"webhook\": {\"active\": true}}").expect(200);
        ids.add(Long.toString(entry(admin, "Three")));
        awaitThat(() -> up.taken().size() == 3 && later.taken().size() == 3);
        assertThat(up.taken()).extracting(request -> objectId(request.body())).containsExactlyElementsOf(ids);
        assertThat(later.taken()).extracting(request -> objectId(request.body())).containsExactlyElementsOf(ids);
        assertThat(down.requests).extracting(request -> objectId(request.body())).containsOnly(ids.get(0));
    }

    @Test
    void aReceiverFailingForADayPausesItsSubscriptionWhichResumesWhereItStopped() {
        var admin = fixtures.anAccount();
        var receiver = receiver();
        receiver.status.set(500);
        var made = subscribe(admin, receiver, List.of("entry.created"));
        var path = "/api/v1/webhooks/" + made.get("id").stringValue();
        var caller = api.bearer(admin.token());
        var lost = Long.toString(entry(admin, "Lost for a day"));
        awaitThat(() -> !receiver.requests.isEmpty());

        // a day later, as far as the delivery can tell
        jdbc.sql("UPDATE webhook_delivery SET created_at = now() - interval '25 hours', next_attempt_at = now()"
            + " WHERE account_id = :account").param("account", admin.account().value()).update();
        awaitThat(() -> !caller.get(path).expect(200).json().get("active").booleanValue());
        var paused = caller.get(path).json();
        assertThat(paused.get("paused_reason").stringValue()).contains("HTTP 500").contains("Resume it");
        var failed = caller.get(path + "/deliveries").json().get(0);
        assertThat(failed.get("status").stringValue()).isEqualTo("failed");

        // what happens while it is paused is delivered on resuming, in order; the failed one when asked
        var whilePaused = Long.toString(entry(admin, "While paused"));
        receiver.status.set(200);
        var resumed = caller.put(path, "{\"webhook\": {\"active\": true}}").expect(200).json();
        assertThat(resumed.get("paused_reason").isNull()).isTrue();
        awaitThat(() -> receiver.taken().size() == 1);
        assertThat(objectId(receiver.taken().get(0).body())).isEqualTo(whilePaused);
        caller.post(path + "/deliveries/" + failed.get("id").stringValue() + "/redeliver", "").expect(201);
        awaitThat(() -> receiver.taken().size() == 2);
        var again = receiver.taken().get(1);
        assertThat(objectId(again.body())).isEqualTo(lost);
        assertThat(again.header("Timeledger-Event-Id")).isEqualTo(failed.get("event_id").stringValue());
    }

    @Test
    void subscriptionsAreAnAdministratorsOwnAccountsAndSayWhatIsWrong() {
        var admin = fixtures.anAccount();
        var receiver = receiver();
        var caller = api.bearer(admin.token());
        assertThat(caller.post("/api/v1/webhooks", "{\"webhook\": {\"events\": [\"entry.created\"]}}").expect(422)
            .text()).contains("url");
        assertThat(caller.post("/api/v1/webhooks", "{\"webhook\": {\"url\": \"ftp://example.com/x\","
            + " \"events\": [\"entry.created\"]}}").expect(422).text()).contains("url").contains("http");
        assertThat(caller.post("/api/v1/webhooks", "{\"webhook\": {\"url\": \"" + receiver.url()
            + "\", \"events\": [\"entry.sung\"]}}").expect(422).text()).contains("events").contains("entry.sung");
        assertThat(caller.post("/api/v1/webhooks", "{\"webhook\": {\"url\": \"" + receiver.url()
            + "\", \"events\": []}}").expect(422).text()).contains("events");

        var made = subscribe(admin, receiver, List.of("entry.created", "entry.created", "dock.changed"));
        assertThat(made.get("events")).extracting(JsonNode::stringValue).containsExactly("entry.created", "dock.changed");
        var path = "/api/v1/webhooks/" + made.get("id").stringValue();
        var listed = caller.get("/api/v1/webhooks").expect(200).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("secret").isMissingNode() || listed.get(0).get("secret").isNull()).isTrue();
        var changed = caller.patch(path, "{\"webhook\": {\"events\": [\"entry.deleted\"], \"active\": false}}")
            .expect(200).json();
        assertThat(changed.get("events")).extracting(JsonNode::stringValue).containsExactly("entry.deleted");
        assertThat(changed.get("active").booleanValue()).isFalse();

        var member = fixtures.aMember(admin.account());
        api.bearer(member.token()).get("/api/v1/webhooks").expect(403);
        api.bearer(member.token()).post("/api/v1/webhooks", "{\"webhook\": {\"url\": \"" + receiver.url()
            + "\", \"events\": [\"entry.created\"]}}").expect(403);
        var stranger = api.bearer(fixtures.anAccount().token());
        stranger.get(path).expect(404);
        stranger.put(path, "{\"webhook\": {\"active\": true}}").expect(404);
        stranger.get(path + "/deliveries").expect(404);
        stranger.delete(path).expect(404);
        caller.delete(path).expect(200);
        caller.get(path).expect(404);
    }

    @Test
    void nothingReachesTheServersOwnNetworkUnlessTheOperatorAllowsIt() throws IOException {
        for (var host : List.of("127.0.0.1", "localhost", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1")) {
            assertThatThrownBy(() -> OwnNetwork.resolve(host, false, "url", Webhooks.PRIVATE_SETTING))
                .as(host).isInstanceOf(Invalid.class).hasMessageContaining("own network");
        }
        assertThat(OwnNetwork.resolve("93.184.216.34", false, "url", Webhooks.PRIVATE_SETTING)).hasSize(1);

        // the address connected to is checked as it is connected to: a receiver on loopback hears nothing
        var receiver = receiver();
        try (var guarded = WebhookSender.client(false)) {
            assertThatThrownBy(() -> guarded.execute(new HttpPost(receiver.url()), response -> response.getCode()))
                .isInstanceOf(IOException.class).hasMessageContaining(Webhooks.PRIVATE_SETTING);
        }
        assertThat(receiver.requests).isEmpty();
        // and redirects are not followed
        receiver.status.set(302);
        try (var allowed = WebhookSender.client(true)) {
            int code = allowed.execute(new HttpPost(receiver.url()), response -> response.getCode());
            assertThat(code).isEqualTo(302);
        }
        assertThat(receiver.requests).hasSize(1);
    }

    private JsonNode subscribe(Person admin, WebhookReceiver receiver, List<String> events) {
        return api.bearer(admin.token()).post("/api/v1/webhooks", "{\"webhook\": {\"url\": \"" + receiver.url()
            + "\", \"events\": " + api.json(events) + "}}").expect(201).json();
    }

    private long entry(Person person, String description) {
        var id = api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-02\","
            + " \"duration\": 600, \"description\": \"" + description + "\"}}").expect(201).json().get("id");
        return Long.parseLong(id.stringValue());
    }

    private static String objectId(String body) {
        return JSON.readTree(body).get("object").get("id").stringValue();
    }

    private WebhookReceiver receiver() {
        var receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }
}
