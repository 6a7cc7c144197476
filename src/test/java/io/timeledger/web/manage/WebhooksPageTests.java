package io.timeledger.web.manage;

import static io.timeledger.support.WebhookReceiver.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import io.timeledger.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Manage → Webhooks: an administrator subscribes, sees what was delivered, pauses, resumes, posts again, deletes. */
@ApiTest
class WebhooksPageTests {

    static final String PASSWORD = "correct horse battery";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @AfterEach
    void forgetTheWebhooks() {
        jdbc.sql("DELETE FROM webhook").update();
    }

    @Test
    void anAdministratorSubscribesAndFollowsWhatIsDelivered() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);
        try (var receiver = new WebhookReceiver()) {
            assertThat(pages.get("/manage/clients").body()).contains("href=\"/manage/webhooks\"");
            assertThat(pages.get("/manage/webhooks").body()).contains("No webhooks yet");
            assertThat(pages.submit("/manage/webhooks", "url", "not an address", "events", "entry.created"))
                .contains("The address must be an http or https address");
            assertThat(pages.submit("/manage/webhooks", "url", receiver.url()))
                .contains("The changes must name at least one kind of change");

            var made = pages.submit("/manage/webhooks", "url", receiver.url(), "events", "entry.created",
                "events", "entry.deleted");
            assertThat(made).contains("Subscribed " + receiver.url(), "id=\"secret\">whsec_", "entry.deleted")
                .doesNotContain("dock.changed</code>, ");
            assertThat(pages.get("/manage/webhooks").body()).as("the secret is shown once")
                .doesNotContain("whsec_").contains("Nothing posted yet");
            long id = jdbc.sql("SELECT id FROM webhook WHERE account_id = :account")
                .param("account", admin.account().value()).query(Long.class).single();

            api.bearer(admin.token()).post("/api/v1/entries",
                "{\"entry\": {\"date\": \"2026-11-02\", \"duration\": 60}}").expect(201);
            // the post arrives a moment before its answer is recorded
            awaitThat(() -> pages.get("/manage/webhooks").body().contains("Delivered"));
            assertThat(receiver.taken()).hasSize(1);
            var delivered = pages.get("/manage/webhooks").body();
            assertThat(delivered).contains("Delivered", "Time added", ">200<", " ms<");

            assertThat(pages.submit("/manage/webhooks/" + id + "/pause")).contains("Paused " + receiver.url(),
                ">Resume<");
            assertThat(pages.submit("/manage/webhooks/" + id + "/resume")).contains("Resumed " + receiver.url(),
                ">Pause<");
            long delivery = jdbc.sql("SELECT id FROM webhook_delivery WHERE webhook_id = :id")
                .param("id", id).query(Long.class).single();
            assertThat(pages.submit("/manage/webhooks/" + id + "/deliveries/" + delivery + "/redeliver"))
                .contains("is posted again");
            awaitThat(() -> receiver.taken().size() == 2);
            assertThat(receiver.taken().get(1).body()).isEqualTo(receiver.taken().get(0).body());

            assertThat(pages.submit("/manage/webhooks/" + id + "/delete")).contains("Deleted the webhook",
                "No webhooks yet");
        }
    }

    @Test
    void managersHaveNoWebhooks() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var manager = fixtures.aPersonSigningInWith(admin.account(), Role.MANAGER, PASSWORD);
        var pages = WebSession.signedIn(port, manager.email(), PASSWORD);
        assertThat(pages.get("/manage/clients").body()).doesNotContain("/manage/webhooks");
        assertThat(pages.get("/manage/webhooks").statusCode()).isEqualTo(403);
        assertThat(pages.postForm("/manage/webhooks", "url", "https://example.com/x", "events", "entry.created")
            .statusCode()).isEqualTo(403);
    }
}
