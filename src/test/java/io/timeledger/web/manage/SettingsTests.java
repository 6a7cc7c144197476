package io.timeledger.web.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The account's settings page: Harvest's company settings, changed by an administrator only. */
@ApiTest
class SettingsTests {

    static final String PASSWORD = "correct horse battery";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Value("${local.server.port}") int port;

    @Test
    void anAdministratorChangesTheAccountAndEveryApiSeesIt() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var pages = WebSession.signedIn(port, admin.email(), PASSWORD);
        assertThat(pages.get("/manage/clients").body()).contains("href=\"/manage/settings\"");
        assertThat(pages.get("/manage/settings").body()).as("the account's zone is the one chosen")
            .contains("<option value=\"UTC\" selected=\"selected\">UTC</option>");

        var saved = pages.submit("/manage/settings", "name", "Renamed Studio", "week_start", "SUNDAY",
            "timestamps", "true", "rounding", "15", "rounding_up", "true", "clock", "12h", "time_format", "decimal",
            "expenses", "true", "time_zone", "Europe/Berlin", "currency", "eur");
        assertThat(saved).contains("Saved the account's settings.", "value=\"Renamed Studio\"",
            "<option value=\"SUNDAY\" selected=\"selected\">Sunday</option>");

        var company = api.bearer(admin.token()).get("/v2/company").expect(200).json();
        assertThat(company.get("name").stringValue()).isEqualTo("Renamed Studio");
        assertThat(company.get("week_start_day").stringValue()).isEqualTo("Sunday");
        assertThat(company.get("wants_timestamp_timers").booleanValue()).isTrue();
        assertThat(company.get("expense_feature").booleanValue()).isTrue();
        assertThat(company.get("currency").stringValue()).isEqualTo("EUR");
        assertThat(company.get("time_zone").stringValue()).isNotEqualTo("UTC");
        assertThat(pages.get("/timesheet").body()).contains("id=\"add-started\"");

        assertThat(pages.submit("/manage/settings", "name", " ", "week_start", "SUNDAY", "rounding", "7"))
            .contains("Name can't be blank; Rounding must be one of");
        assertThat(pages.submit("/manage/settings", "name", "Renamed Studio", "currency", "EURO", "time_zone",
            "Mars/Olympus")).contains("Time zone must be a time zone, such as Europe/London.");
        assertThat(pages.submit("/manage/settings", "name", "Renamed Studio", "currency", "XYZ"))
            .contains("Currency must be an ISO 4217 code, such as USD or EUR.");

        assertThat(pages.submit("/manage/settings/invoices", "address", "1 Harbour Road", "tax_id", "", "payment_terms",
            "14", "bank_details", "", "next_number", "1001")).contains("Saved the invoice details.", "value=\"1001\"");
        assertThat(pages.submit("/manage/settings/invoices", "address", "", "tax_id", "", "payment_terms", "14",
            "bank_details", "", "next_number", "12"))
            .contains("Next invoice number must be at least 1001: invoice numbers are never reused.");
        assertThat(pages.submit("/manage/settings/invoices", "address", "", "tax_id", "", "payment_terms", "400",
            "bank_details", "", "next_number", "1001")).contains("Payment terms must be from 0 to 365 days.");
        assertThat(api.bearer(admin.token()).get("/v2/company").json().get("name").stringValue())
            .isEqualTo("Renamed Studio");
    }

    @Test
    void managersAndMembersHaveNoSettings() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var manager = fixtures.aPersonSigningInWith(admin.account(), Role.MANAGER, PASSWORD);
        var pages = WebSession.signedIn(port, manager.email(), PASSWORD);

        assertThat(pages.get("/manage/clients").body()).doesNotContain("/manage/settings");
        assertThat(pages.get("/manage/settings").statusCode()).isEqualTo(403);
        assertThat(pages.postForm("/manage/settings", "name", "Taken over").statusCode()).isEqualTo(403);
        assertThat(api.bearer(admin.token()).get("/v2/company").json().get("name").stringValue())
            .doesNotContain("Taken over");
    }
}
