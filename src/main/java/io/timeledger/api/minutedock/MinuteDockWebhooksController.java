package io.timeledger.api.minutedock;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.Instants;
import io.timeledger.api.common.JsonFields;
import io.timeledger.core.account.Actor;
import io.timeledger.core.hooks.Webhook;
import io.timeledger.core.hooks.WebhookDelivery;
import io.timeledger.core.hooks.Webhooks;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks in MinuteDock's vocabulary (an extension; docs/webhooks.md): an administrator's
 * subscriptions of URLs to kinds of change, each with its delivery log.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class MinuteDockWebhooksController {

    private final Webhooks webhooks;

    MinuteDockWebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    List<MdWebhook> list(Actor actor) {
        return webhooks.list(actor).stream().map(webhook -> MdWebhook.from(webhook, null)).toList();
    }

    /** The subscription with its signing {@code secret}, which is shown this once. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(MdWebhookRequest.class)
    MdWebhook create(Actor actor, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "webhook");
        var url = fields.string("url");
        var events = fields.strings("events");
        fields.validate();
        var made = webhooks.subscribe(actor, url.orElse(null), events.orElse(null));
        return MdWebhook.from(made.webhook(), made.secret());
    }

    @GetMapping("/{id}")
    MdWebhook get(Actor actor, @PathVariable long id) {
        return MdWebhook.from(webhooks.get(actor, id), null);
    }

    /** Changes {@code url}, {@code events} or {@code active} (false pauses it, true resumes it). */
    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Accepts(MdWebhookChangeRequest.class)
    MdWebhook update(Actor actor, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
        var fields = JsonFields.of(body, "webhook");
        var url = fields.string("url");
        var events = fields.strings("events");
        var active = fields.bool("active");
        fields.validate();
        return MdWebhook.from(webhooks.change(actor, id, url.orElse(null), events.orElse(null), active.orElse(null)),
            null);
    }

    @DeleteMapping("/{id}")
    MinuteDockCatalogController.Deleted delete(Actor actor, @PathVariable long id) {
        webhooks.remove(actor, id);
        return MinuteDockCatalogController.Deleted.of(id);
    }

    /** The latest deliveries, newest first ({@code limit}, 50 unless given, at most 200). */
    @GetMapping("/{id}/deliveries")
    List<MdDelivery> deliveries(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        return webhooks.deliveries(actor, id, limit).stream().map(MdDelivery::from).toList();
    }

    /** Sends a delivery's event again, after those already waiting. */
    @PostMapping("/{id}/deliveries/{delivery}/redeliver")
    @ResponseStatus(HttpStatus.CREATED)
    MdDelivery redeliver(Actor actor, @PathVariable long id, @PathVariable long delivery) {
        return MdDelivery.from(webhooks.redeliver(actor, id, delivery));
    }

    /** A subscription; {@code secret} only in the answer that made it. */
    /** A subscription's address and the kinds it is sent, under {@code webhook}. */
    record MdWebhookRequest(MdWebhookFields webhook) { }

    record MdWebhookFields(String url, List<String> events) { }

    /** The same, and whether it runs: {@code false} pauses it, {@code true} resumes it. */
    record MdWebhookChangeRequest(MdWebhookChangeFields webhook) { }

    record MdWebhookChangeFields(String url, List<String> events, Boolean active) { }

    record MdWebhook(String id, String url, List<String> events, boolean active, String pausedReason, String secret,
                     String createdAt, String updatedAt) {

        static MdWebhook from(Webhook webhook, String secret) {
            return new MdWebhook(Wire.id(webhook.id()), webhook.url(), webhook.events(), webhook.active(),
                webhook.pausedReason(), secret, Instants.iso(webhook.createdAt()), Instants.iso(webhook.updatedAt()));
        }
    }

    /** One line of the delivery log. */
    record MdDelivery(String id, String eventId, String kind, String occurredAt, String status, int attempts,
                      Integer responseCode, Integer latencyMs, String responseExcerpt, String createdAt,
                      String nextAttemptAt, String finishedAt) {

        static MdDelivery from(WebhookDelivery delivery) {
            return new MdDelivery(Wire.id(delivery.id()), delivery.eventId(), delivery.kind(),
                Instants.iso(delivery.occurredAt()), delivery.status(), delivery.attempts(), delivery.responseCode(),
                delivery.latencyMillis(), delivery.responseExcerpt(), Instants.iso(delivery.createdAt()),
                WebhookDelivery.PENDING.equals(delivery.status()) ? Instants.iso(delivery.nextAttemptAt()) : null,
                Instants.iso(delivery.finishedAt()));
        }
    }
}
