package io.timeledger.core.imports;

/**
 * A live Harvest account to import from over Harvest's v2 API: its base URL
 * (https://api.harvestapp.com, or any server that speaks Harvest v2 — Timeledger does), a personal
 * access token and the account's id.
 */
public record HarvestAccount(String baseUrl, String token, String accountId) {

    @Override
    public String toString() {
        // the token never reaches a log line
        return "HarvestAccount[" + baseUrl + ", account " + accountId + "]";
    }
}
