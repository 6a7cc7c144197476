package io.timeledger.core.hooks;

import io.timeledger.core.common.AccountId;
import java.util.List;

/**
 * A subscription one node holds for a while ({@link Webhooks#claim}, with the others of its
 * account): where to send, what, the key to sign with, and the change number up to which changes
 * were taken in.
 */
public record WebhookWork(long webhookId, AccountId account, String url, List<String> events, String secret,
                          long cursor) {

    /** The same subscription with its changes taken in up to change number {@code cursor}. */
    WebhookWork at(long cursor) {
        return new WebhookWork(webhookId, account, url, events, secret, cursor);
    }
}
