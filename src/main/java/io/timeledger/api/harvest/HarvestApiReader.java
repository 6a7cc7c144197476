package io.timeledger.api.harvest;

import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.OwnNetwork;
import io.timeledger.core.imports.HarvestAccount;
import io.timeledger.core.imports.HarvestReader;
import io.timeledger.core.imports.ImportReport;
import io.timeledger.core.imports.ImportedAssignment;
import io.timeledger.core.imports.ImportedRow;
import io.timeledger.core.imports.SourceRows;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a live Harvest account over Harvest's v2 API for an import: its users (for their emails),
 * its time entries, 2,000 a page, following {@code next_page}, and its task and user assignments.
 * Each entry becomes a row keyed by its Harvest id, with its client, project (and code), task,
 * notes, hours, billable flag and rates, and its approval and billing as locks.
 */
@Component
class HarvestApiReader implements HarvestReader {

    /**
     * Whether an import may read from a loopback or private address. Off: an account's
     * administrator is not the server's operator, and the server would otherwise probe its own
     * network for them. The operator turns it on for a Harvest-speaking server inside that network.
     */
    private final boolean privateAddresses;
    /** No redirects: one could lead past the address check. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    HarvestApiReader(@Value("${timeledger.imports.private-addresses:false}") boolean privateAddresses) {
        this.privateAddresses = privateAddresses;
    }


    @Override
    public SourceRows read(HarvestAccount account, ZoneId zone) {
        var base = account.baseUrl() == null || account.baseUrl().isBlank() ? "https://api.harvestapp.com"
            : account.baseUrl().strip().replaceAll("/+$", "");
        if (!base.startsWith("https://") && !base.startsWith("http://")) {
            throw new Invalid("url", "must be an http or https address, such as https://api.harvestapp.com");
        }
        requireReachable(URI.create(base), privateAddresses);
        var emails = new HashMap<Long, String>();
        for (var user : pages(base, account, "/v2/users", "users")) {
            emails.put(user.get("id").asLong(), text(user, "email"));
        }
        var rows = new ArrayList<ImportedRow>();
        var problems = new ArrayList<ImportReport.Problem>();
        long index = 0;
        for (var entry : pages(base, account, "/v2/time_entries", "time_entries")) {
            index++;
            try {
                rows.add(row(index, entry, emails));
            } catch (RuntimeException e) {
                problems.add(new ImportReport.Problem(index, "Time entry " + entry.path("id").asText()
                    + " cannot be read: " + e.getMessage()));
            }
        }
        return new SourceRows(rows, assignments(base, account, emails), problems);
    }

    /**
     * The account's task and user assignments, each project named with its client (from the
     * projects listing, since an assignment names only its project).
     */
    private List<ImportedAssignment> assignments(String base, HarvestAccount account, Map<Long, String> emails) {
        var clients = new HashMap<Long, String>();
        for (var project : pages(base, account, "/v2/projects", "projects")) {
            clients.put(project.path("id").asLong(), text(project.path("client"), "name"));
        }
        var found = new ArrayList<ImportedAssignment>();
        for (var assignment : pages(base, account, "/v2/task_assignments", "task_assignments")) {
            var project = assignment.path("project");
            var task = text(assignment.path("task"), "name");
            if (text(project, "name") != null && task != null) {
                found.add(new ImportedAssignment(clients.get(project.path("id").asLong()), text(project, "name"), task,
                    null, null, assignment.path("billable").asBoolean(), assignment.path("is_active").asBoolean(true),
                    decimal(assignment, "hourly_rate")));
            }
        }
        for (var assignment : pages(base, account, "/v2/user_assignments", "user_assignments")) {
            var project = assignment.path("project");
            var user = assignment.path("user");
            if (text(project, "name") != null && (text(user, "name") != null || emails.containsKey(user.path("id")
                    .asLong()))) {
                found.add(new ImportedAssignment(clients.get(project.path("id").asLong()), text(project, "name"), null,
                    emails.get(user.path("id").asLong()), text(user, "name"),
                    assignment.path("is_project_manager").asBoolean(), assignment.path("is_active").asBoolean(true),
                    decimal(assignment, "hourly_rate")));
            }
        }
        return found;
    }

    /** Refuses an address of this host or its private network, unless the operator allows them. */
    static void requireReachable(URI uri, boolean privateAddresses) {
        OwnNetwork.requireReachable(uri, privateAddresses, "url", "timeledger.imports.private-addresses",
            "https://api.harvestapp.com");
    }

    private static ImportedRow row(long index, JsonNode entry, Map<Long, String> emails) {
        var hours = new BigDecimal(entry.get("hours").asText());
        long seconds = hours.multiply(BigDecimal.valueOf(3600)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        var user = entry.path("user");
        return new ImportedRow(index, LocalDate.parse(entry.get("spent_date").asText()), seconds, null, null,
            emails.get(user.path("id").asLong()), text(user, "name"), text(entry.path("client"), "name"),
            text(entry.path("project"), "name"), text(entry.path("project"), "code"), text(entry.path("task"), "name"),
            entry.path("notes").isNull() ? "" : entry.path("notes").asText(""), List.of(),
            entry.path("billable").asBoolean(), decimal(entry, "billable_rate"), decimal(entry, "cost_rate"),
            entry.path("is_closed").asBoolean(), entry.path("is_billed").asBoolean(),
            "harvest:" + entry.get("id").asText());
    }

    /** Every record of a listing, page by page. */
    private List<JsonNode> pages(String base, HarvestAccount account, String path, String field) {
        var found = new ArrayList<JsonNode>();
        int page = 1;
        while (page > 0 && page < 10_000) {
            var body = get(base + path + "?per_page=2000&page=" + page, account);
            body.path(field).forEach(found::add);
            page = body.path("next_page").isNumber() ? body.path("next_page").asInt() : 0;
        }
        return found;
    }

    private JsonNode get(String url, HarvestAccount account) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + account.token())
                .header("Harvest-Account-Id", account.accountId())
                .header("User-Agent", "Timeledger import")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new Invalid("token", "was refused by " + URI.create(url).getHost()
                    + ": check the token and the account id");
            }
            if (response.statusCode() != 200) {
                throw new Invalid("url", "answered " + response.statusCode() + " for " + URI.create(url).getPath());
            }
            return json.readTree(response.body());
        } catch (IllegalArgumentException e) {
            throw new Invalid("url", "is not an address: " + e.getMessage());
        } catch (IOException e) {
            throw new Invalid("url", "could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Invalid("url", "was not read: interrupted");
        } catch (JacksonException e) {
            throw new Invalid("url", "did not answer with Harvest's JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        var value = node.path(field);
        return value.isNumber() ? value.decimalValue() : null;
    }
}
