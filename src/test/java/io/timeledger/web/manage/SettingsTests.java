package io.timeledger.web.manage;

import static io.timeledger.support.WebSession.hidden;
import static io.timeledger.support.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.core.account.Role;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.Fixtures.Person;
import io.timeledger.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.util.HtmlUtils;

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
        var pages = signedIn(admin);
        assertThat(pages.get("/manage/clients").body()).contains("href=\"/manage/settings\"");

        var saved = submit(pages, "/manage/settings", "name", "Renamed Studio", "week_start", "SUNDAY",
            "timestamps", "true", "rounding", "15", "rounding_up", "true", "clock", "12h", "time_format", "decimal",
            "expenses", "true");
        assertThat(saved).contains("Saved the account's settings.", "value=\"Renamed Studio\"",
            "<option value=\"SUNDAY\" selected=\"selected\">Sunday</option>");

        var company = api.bearer(admin.token()).get("/v2/company").expect(200).json();
        assertThat(company.get("name").stringValue()).isEqualTo("Renamed Studio");
        assertThat(company.get("week_start_day").stringValue()).isEqualTo("Sunday");
        assertThat(company.get("wants_timestamp_timers").booleanValue()).isTrue();
        assertThat(company.get("expense_feature").booleanValue()).isTrue();
        assertThat(pages.get("/timesheet").body()).contains("id=\"add-started\"");

        assertThat(submit(pages, "/manage/settings", "name", " ", "week_start", "SUNDAY", "rounding", "7"))
            .contains("Name can't be blank; Rounding must be one of");
        assertThat(api.bearer(admin.token()).get("/v2/company").json().get("name").stringValue())
            .isEqualTo("Renamed Studio");
    }

    @Test
    void managersAndMembersHaveNoSettings() {
        var admin = fixtures.anAccountSigningInWith(PASSWORD);
        var manager = fixtures.aPersonSigningInWith(admin.account(), Role.MANAGER, PASSWORD);
        var pages = signedIn(manager);

        assertThat(pages.get("/manage/clients").body()).doesNotContain("/manage/settings");
        assertThat(pages.get("/manage/settings").statusCode()).isEqualTo(403);
        assertThat(post(pages, "/manage/settings", "name", "Taken over").statusCode()).isEqualTo(403);
        assertThat(api.bearer(admin.token()).get("/v2/company").json().get("name").stringValue())
            .doesNotContain("Taken over");
    }

    private WebSession signedIn(Person person) {
        var browser = new WebSession(port);
        browser.signIn(person.email(), PASSWORD);
        return browser;
    }

    private static String submit(WebSession browser, String path, String... fields) {
        var answer = post(browser, path, fields);
        return HtmlUtils.htmlUnescape(answer.statusCode() == 302 ? browser.get(location(answer)).body() : answer.body());
    }

    private static HttpResponse<String> post(WebSession browser, String path, String... fields) {
        var csrf = hidden(browser.get("/profile").body(), "_csrf");
        var all = new String[fields.length + 2];
        System.arraycopy(fields, 0, all, 0, fields.length);
        all[fields.length] = "_csrf";
        all[fields.length + 1] = csrf;
        return browser.post(path, all);
    }
}
