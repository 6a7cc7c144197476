package io.timeledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.timeledger.auth.OAuthClients;
import io.timeledger.auth.Passwords;
import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.WebSession;
import io.timeledger.support.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A person in a real browser (Debian's headless Chromium, driven by Selenium): sign in, create a
 * token on the profile page and use it, revoke it, and authorize an app on the consent page.
 * Skipped where Chromium is not installed, unless TIMELEDGER_REQUIRE_BROWSER is set (as
 * {@code .ci/run} does after installing it), so CI cannot skip it silently.
 */
@ApiTest
class BrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String PASSWORD = "correct horse battery";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Passwords passwords;
    @Autowired OAuthClients clients;
    @Autowired java.time.Clock clock;
    @Value("${local.server.port}") int port;

    WebDriver browser;
    final List<Path> profileDirs = new java.util.ArrayList<>();

    @BeforeEach
    void startChromium() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("TIMELEDGER_REQUIRE_BROWSER") != null) {
            assertThat(installed).as("Chromium and ChromeDriver in /usr/bin").isTrue();
        }
        assumeThat(installed).as("Debian's chromium and chromium-driver are installed").isTrue();
        browser = chromium();
    }

    /** A browser of its own: its own profile directory, so its own cookies and session. */
    private ChromeDriver chromium() throws IOException {
        var profile = Files.createTempDirectory("chromium-profile");
        profileDirs.add(profile);
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags this machine needs: no sandbox as root, and no calls home on a closed network
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1100,900", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        var chromium = new ChromeDriver(service, options);
        chromium.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return chromium;
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        for (var profile : profileDirs) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void signInCreateATokenUseItAndRevokeIt() throws IOException {
        var person = fixtures.anAccount("Browser Co");
        passwords.set(person.userId(), PASSWORD);

        browser.get(url("/profile"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn(person.email());
        assertThat(browser.findElement(By.id("tokens-heading")).getText()).isEqualTo("Manage access tokens");

        browser.findElement(By.id("token-name")).sendKeys("From the browser");
        new Select(browser.findElement(By.id("token-account"))).selectByVisibleText("Browser Co");
        browser.findElement(By.id("create")).click();

        var token = browser.findElement(By.id("revealed")).getText();
        assertThat(token).startsWith("tlp_");
        screenshot("profile-token-revealed");
        api.bearer(token).get("/api/v1/users/me").expect(200);

        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("revealed"))).as("shown only once").isEmpty();
        browser.findElement(By.cssSelector("button[aria-label='Revoke From the browser']")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "revoked"));
        api.bearer(token).get("/api/v1/users/me").expect(401);

        var activity = browser.findElement(By.id("activity"));
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("activity-heading")));
        assertThat(activity.getText()).contains("Access token revoked", "Access token created", "Signed in",
            "From the browser");
        screenshots("profile-security-activity", () -> ((ChromeDriver) browser)
            .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("activity-heading"))));

        // the calendar address, shown once
        browser.findElement(By.id("make-calendar")).click();
        assertThat(browser.findElement(By.id("calendar-link")).getText()).contains("/calendar/tlcal_");
        screenshots("profile-calendar", () -> ((ChromeDriver) browser)
            .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("calendar-heading"))));
    }

    @Test
    void trackADayOnTheTimesheet() throws IOException {
        var person = fixtures.anAccount("Timesheet Co");
        passwords.set(person.userId(), PASSWORD);
        var caller = api.bearer(person.token());
        var contact = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"ABC Industries\", \"short_code\": \"ABC\", "
            + "\"default_rate_dollars\": \"150.00\"}}").expect(201).json().get("id").stringValue();
        caller.post("/api/v1/projects", "{\"project\": {\"name\": \"Website Redesign\", \"contact_id\": \""
            + contact + "\"}}").expect(201);
        caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}").expect(201);

        browser.get(url("/"));
        signIn(person.email());
        // the click returns before the browser has followed the sign-in's redirect
        until(ExpectedConditions.urlContains("/timesheet"));

        // time already worked, typed as people type it
        browser.findElement(By.id("add-duration")).sendKeys("1:30");
        browser.findElement(By.id("add-description")).sendKeys("Homepage wireframes");
        new Select(browser.findElement(By.id("add-project"))).selectByVisibleText("Website Redesign");
        new Select(browser.findElement(By.id("add-task"))).selectByVisibleText("Design");
        browser.findElement(By.id("add")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Added 1:30."));
        assertThat(browser.findElement(By.id("day-total")).getText()).isEqualTo("1:30");

        // the same person on a second device: its page follows the first without being reloaded
        var phone = chromium();
        try {
            phone.get(url("/timesheet"));
            signIn(phone, person.email());
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("start")));
            awaitLive(phone);

            // a timer, started with the keyboard alone
            browser.findElement(By.tagName("body")).sendKeys("s");
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("timer-description");
            browser.switchTo().activeElement().sendKeys("Client call @ABC\n");
            until(ExpectedConditions.presenceOfElementLocated(By.id("pause")));
            assertThat(browser.getTitle()).startsWith("▶ 0:00");
            awaitLive(browser);
            live(phone, ExpectedConditions.presenceOfElementLocated(By.id("pause")));
            assertThat(phone.findElement(By.id("timer-bar")).getText()).contains("Client call @ABC");
            assertThat(phone.getTitle()).startsWith("▶ 0:00");
            screenshots("timesheet-day", () -> browser.navigate().refresh());
            awaitLive(browser);

            // stopped from a third device, through MinuteDock's API: both pages show it logged, unreloaded
            var dock = caller.get("/api/v1/dock").expect(200).json();
            caller.put("/api/v1/dock", "{\"entry\": {\"logged\": true, \"version_number\": "
                + dock.get("version_number").longValue() + "}}").expect(200);
            live(browser, ExpectedConditions.presenceOfElementLocated(By.id("start")));
            live(phone, ExpectedConditions.presenceOfElementLocated(By.id("start")));
            assertThat(browser.findElement(By.id("entries")).getText()).contains("Client call @ABC", "Homepage wireframes");
            assertThat(phone.findElement(By.id("entries")).getText()).contains("Client call @ABC", "Homepage wireframes");
            assertThat(browser.getTitle()).doesNotStartWith("▶");
        } finally {
            phone.quit();
        }

        // delete, and undo
        browser.findElement(By.cssSelector("button[aria-label='Delete Homepage wireframes']")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("undo")));
        browser.findElement(By.id("undo")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("entries"), "Homepage wireframes"));
        screenshot("timesheet-undone");

        // edit in place: the form comes for that entry alone, focused on its time
        browser.findElement(By.cssSelector("a[aria-label='Edit Homepage wireframes']")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.edit[open]")));
        var time = browser.findElement(By.cssSelector("details.edit[open] input[name=duration]"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(time);
        time.clear();
        time.sendKeys("2:00\n");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved"));
        assertThat(browser.findElement(By.id("entries")).getText()).contains("2:00");

        // the week: a row per project and task, typed into like a spreadsheet
        browser.findElement(By.id("week-view")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("week-form")));
        var empty = browser.findElement(By.cssSelector("#week-form tbody tr:first-child input[type=text][value='']"));
        empty.sendKeys("2:15");
        browser.findElement(By.id("save-week")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved one day."));
        screenshot("timesheet-week");
    }

    @Test
    void setUpAClientAndABudgetedProjectAndWatchTheBudget() throws IOException {
        var person = fixtures.anAccount("Manage Co");
        passwords.set(person.userId(), PASSWORD);
        browser.get(url("/login"));
        signIn(person.email());
        until(ExpectedConditions.urlContains("/timesheet"));

        browser.findElement(By.linkText("Manage")).click();
        browser.findElement(By.id("client-name")).sendKeys("Acme Corp");
        browser.findElement(By.id("client-code")).sendKeys("acme");
        browser.findElement(By.id("client-rate")).sendKeys("120");
        browser.findElement(By.id("add-client")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Added the client “Acme Corp”."));
        browser.findElement(By.id("new-project")).click();
        browser.findElement(By.id("name")).sendKeys("Website Redesign");
        new Select(browser.findElement(By.id("budget-type"))).selectByVisibleText("Hours");
        browser.findElement(By.id("budget-target")).sendKeys("10");
        new Select(browser.findElement(By.id("budget-frequency"))).selectByVisibleText("Month");
        browser.findElement(By.id("save-project")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Added the project “Website Redesign”."));
        var project = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        // the budget counts the account's month (its time zone is UTC), not the person's
        var today = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"" + today
            + "\", \"duration\": 27000, \"project_id\": \"" + project + "\"}}").expect(201);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("budget-words")).getText())
            .isEqualTo("7.50 of 10.00 hours this month, 2.50 left");
        // the budget bar follows time logged anywhere, without a reload
        awaitLive(browser);
        api.bearer(person.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"" + today
            + "\", \"duration\": 3600, \"project_id\": \"" + project + "\"}}").expect(201);
        live(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("budget-words"),
            "8.50 of 10.00 hours this month, 1.50 left"));
        screenshot("manage-project");
        browser.findElement(By.id("job-name")).sendKeys("Discovery workshop");
        browser.findElement(By.id("job-price")).sendKeys("150");
        browser.findElement(By.id("job-estimate")).sendKeys("6");
        browser.findElement(By.id("add-job")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Added the job “Discovery workshop”."));
        assertThat(browser.findElement(By.id("jobs")).getText()).contains("150.00 USD per hour", "estimate 6:00");
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("rates")));
        screenshot("manage-project-rates");
        browser.findElement(By.id("assign-person-button")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "The person is on the project."));
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView()",
            browser.findElement(By.id("assignments")));
        screenshot("manage-project-assignments");
        browser.findElement(By.linkText("Clients")).click();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Acme Corp", "Website Redesign",
            "8.50 of 10.00 hours this month");
        screenshots("manage-clients", () -> browser.navigate().refresh());

        browser.findElement(By.linkText("Settings")).click();
        browser.findElement(By.id("timestamps")).click();
        browser.findElement(By.id("save-settings")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved the account's settings."));
        screenshot("manage-settings");

        browser.findElement(By.linkText("Tasks")).click();
        browser.findElement(By.id("task-name")).sendKeys("Design");
        browser.findElement(By.id("task-rate")).sendKeys("140");
        browser.findElement(By.id("add-task")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Added the task “Design”."));
        screenshots("manage-tasks", () -> browser.navigate().refresh());
    }

    @Test
    void reportByClientAndMonthWithItsChartAndExportIt() throws IOException {
        var person = fixtures.anAccount("Report Co");
        passwords.set(person.userId(), PASSWORD);
        var caller = api.bearer(person.token());
        var clients = new java.util.ArrayList<String>();
        for (var client : List.of("Acme Corp", "Globex", "Initech", "Umbrella")) {
            clients.add(caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"" + client
                + "\", \"default_rate_dollars\": \"120.00\"}}").expect(201).json().get("id").stringValue());
        }
        // four months of time, each client's hours rising and falling differently
        long seconds = 0;
        for (int month = 8; month <= 11; month++) {
            for (int c = 0; c < clients.size(); c++) {
                int duration = 3600 * (2 + (month * (c + 3)) % 7);
                seconds += duration;
                caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-" + (month < 10 ? "0" : "") + month
                    + "-1" + c + "\", \"duration\": " + duration + ", \"contact_id\": \"" + clients.get(c)
                    + "\", \"description\": \"Work\"}}").expect(201);
            }
        }
        browser.get(url("/login"));
        signIn(person.email());
        until(ExpectedConditions.urlContains("/timesheet"));
        browser.findElement(By.linkText("Reports")).click();
        browser.get(url("/reports?period=custom&from=2026-08-01&to=2026-11-30"));
        new Select(browser.findElement(By.id("group"))).selectByVisibleText("Client");
        new Select(browser.findElement(By.id("then"))).selectByVisibleText("Month");
        browser.findElement(By.id("run-report")).click();
        until(ExpectedConditions.attributeToBe(By.id("chart"), "data-drawn", "light"));
        var total = new java.math.BigDecimal(browser.findElement(By.id("total-hours")).getText());
        assertThat(total).isEqualByComparingTo(java.math.BigDecimal.valueOf(seconds / 36, 2));
        assertThat(browser.findElement(By.id("report-table")).getText()).contains("Acme Corp", "August 2026",
            "November 2026", "Umbrella");
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        // time logged meanwhile reaches the open report (at most every ten seconds), chart and all
        awaitLive(browser);
        caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-20\", \"duration\": 3600, \"contact_id\": \""
            + clients.get(0) + "\", \"description\": \"Late\"}}").expect(201);
        var later = total.add(java.math.BigDecimal.ONE).setScale(2).toPlainString();
        ((ChromeDriver) browser).executeScript("window.notReloaded = true");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("total-hours"), later));
        assertThat(((ChromeDriver) browser).executeScript("return window.notReloaded === true")).isEqualTo(true);
        until(ExpectedConditions.attributeToBe(By.id("chart"), "data-drawn", "light"));
        total = new java.math.BigDecimal(later);
        screenshots("reports", () -> browser.navigate().refresh());
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("chart")));
        screenshot("reports-chart-and-table");

        // the downloads the page links to, fetched by the page itself (its session), add up to its total
        var chrome = (ChromeDriver) browser;
        var csv = (String) chrome.executeAsyncScript("var done = arguments[0];"
            + "fetch(document.getElementById('export-csv').href).then(r => r.text()).then(done)");
        var records = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(csv))
            .getRecords();
        assertThat(records.get(0).values()).startsWith("Client", "Month", "Hours");
        assertThat(records.subList(1, records.size()).stream().map(r -> new java.math.BigDecimal(r.get(2)))
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo(total);
        var xlsx = java.util.Base64.getDecoder().decode((String) chrome.executeAsyncScript("var done = arguments[0];"
            + "fetch(document.getElementById('export-xlsx').href).then(r => r.arrayBuffer()).then(b => {"
            + " let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })"));
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var rows = workbook.getFirstSheet().openStream()) {
            var sum = rows.skip(1).map(row -> row.getCellAsNumber(2).orElseThrow())
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            assertThat(sum).isEqualByComparingTo(total);
        }
    }

    @Test
    void submitAWeekThatAManagerApprovesAndItsTimeIsLockedEverywhere() throws IOException {
        var admin = fixtures.anAccount("Approvals Co");
        passwords.set(admin.userId(), PASSWORD);
        var member = fixtures.aMemberSigningInWith(admin.account(), PASSWORD);
        var monday = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)).minusWeeks(1)
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        long entry = 0;
        for (int day = 0; day < 5; day++) {
            entry = api.bearer(member.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \""
                + monday.plusDays(day) + "\", \"duration\": " + (27000 + 900 * day) + ", \"description\": \"Work\"}}")
                .expect(201).json().get("id").asLong();
        }
        browser.get(url("/timesheet?view=week&date=" + monday));
        signIn(member.email());
        until(ExpectedConditions.urlContains("/timesheet"));
        browser.get(url("/timesheet?view=week&date=" + monday));
        browser.findElement(By.id("submit-week")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("approval"), "Submitted for approval"));
        awaitLive(browser);

        var manager = chromium();
        try {
            manager.get(url("/login"));
            signIn(manager, admin.email());
            new WebDriverWait(manager, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/timesheet"));
            manager.get(url("/manage/approvals?date=" + monday));
            assertThat(manager.findElement(By.id("person-" + member.membershipId())).getText())
                .containsIgnoringCase("submitted").contains("7:30", "8:30");
            // the approver's open page follows the team: time added to the week shows without a reload
            awaitLive(manager);
            api.bearer(member.token()).post("/api/v1/entries", "{\"entry\": {\"date\": \"" + monday.plusDays(5)
                + "\", \"duration\": 3600, \"description\": \"Saturday\"}}").expect(201);
            live(manager, ExpectedConditions.textToBePresentInElementLocated(
                By.id("person-" + member.membershipId()), "41:00"));
            var page = browser;
            browser = manager;
            screenshots("manage-approvals", () -> manager.navigate().refresh());
            // the person's own week, looked at before approving it
            manager.findElement(By.cssSelector("#person-" + member.membershipId() + " th a")).click();
            new WebDriverWait(manager, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("viewing")));
            assertThat(manager.findElement(By.id("grid-total")).getText()).isEqualTo("41:00");
            screenshots("timesheet-of-a-teammate", () -> manager.navigate().refresh());
            // the sheet's person picker goes back to one's own, on the same week
            new Select(manager.findElement(By.id("pick-person"))).selectByVisibleText("You");
            new WebDriverWait(manager, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(
                "/timesheet\\?date=" + monday + "&view=week$"));
            browser = page;
            manager.get(url("/manage/approvals?date=" + monday));
            manager.findElement(By.cssSelector("#person-" + member.membershipId() + " button[aria-label^='Approve']"))
                .click();
            new WebDriverWait(manager, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("notice"), "Approved the week of"));
        } finally {
            manager.quit();
        }
        // the person's open page follows, and their time is now read-only here and in every API
        live(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("approval"), "Approved by"));
        screenshot("timesheet-week-approved");
        var refused = api.bearer(member.token()).header("Harvest-Account-Id", admin.account().toString())
            .patch("/v2/time_entries/" + entry, "{\"notes\": \"changed afterwards\"}");
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.text()).contains("The entry has been approved");
    }

    @Test
    void billAClientsMonthSendItRecordThePaymentAndDownloadThePdf() throws IOException {
        var admin = fixtures.anAccount("Harbour Design Studio");
        passwords.set(admin.userId(), PASSWORD);
        var caller = api.bearer(admin.token());
        var client = caller.post("/api/v1/contacts", "{\"contact\": {\"name\": \"Acme Corp\", \"default_rate_dollars\":"
            + " \"120.00\"}}").expect(201).json().get("id").stringValue();
        var project = caller.post("/api/v1/projects", "{\"project\": {\"name\": \"Website Redesign\", \"contact_id\": \""
            + client + "\"}}").expect(201).json().get("id").stringValue();
        var month = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)).withDayOfMonth(1).minusMonths(1);
        for (int day = 0; day < 12; day++) {
            caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"" + month.plusDays(day * 2) + "\", \"duration\": "
                + (5400 + 1800 * (day % 4)) + ", \"project_id\": \"" + project + "\", \"description\": \"Design\"}}")
                .expect(201);
        }
        browser.get(url("/login"));
        signIn(admin.email());
        until(ExpectedConditions.urlContains("/timesheet"));
        browser.findElement(By.linkText("Manage")).click();
        browser.findElement(By.linkText("Settings")).click();
        browser.findElement(By.id("invoice-address")).sendKeys("Harbour Design Studio\n1 Harbour Road\nBristol BS1 4RN");
        browser.findElement(By.id("invoice-tax-id")).sendKeys("GB 123 4567 89");
        browser.findElement(By.id("invoice-bank")).sendKeys("Account name: Harbour Design Studio\nIBAN: GB33 BUKB"
            + " 2020 1555 5555 55\nBIC: BUKBGB22");
        browser.findElement(By.id("save-invoice-settings")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved the invoice details."));
        browser.findElement(By.id("expenses")).click();
        browser.findElement(By.id("save-settings")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved the account's settings."));

        // an expense for the client, its receipt a photo, goes on the invoice with the time
        browser.findElement(By.linkText("Expenses")).click();
        browser.findElement(By.id("expense-date")).clear();
        ((ChromeDriver) browser).executeScript("document.getElementById('expense-date').value = arguments[0]",
            month.plusDays(9).toString());
        browser.findElement(By.id("expense-description")).sendKeys("Train to the Acme workshop");
        browser.findElement(By.id("expense-amount")).sendKeys("64.80");
        new Select(browser.findElement(By.id("expense-client"))).selectByVisibleText("Acme Corp");
        browser.findElement(By.id("expense-receipt")).sendKeys(
            Path.of("src/main/resources/static/icons/icon-192.png").toAbsolutePath().toString());
        browser.findElement(By.id("add-expense")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Added the expense"));
        assertThat(browser.findElement(By.id("expenses")).getText()).contains("Train to the Acme workshop", "64.80",
            "Receipt");
        screenshots("expenses", () -> browser.navigate().refresh());

        browser.findElement(By.linkText("Invoices")).click();
        browser.findElement(By.id("new-invoice")).click();
        new Select(browser.findElement(By.id("client"))).selectByVisibleText("Acme Corp");
        browser.findElement(By.id("preview-invoice")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        screenshot("invoice-preview");
        browser.findElement(By.id("make-draft")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Drafted invoice"));
        browser.findElement(By.id("new-description")).sendKeys("Hosting and maintenance");
        browser.findElement(By.id("new-unit")).sendKeys("45");
        browser.findElement(By.id("add-line-button")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Added the line."));
        browser.findElement(By.id("mark-sent")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("invoice-status"), "SENT"));
        var total = browser.findElement(By.id("invoice-total")).getText();
        browser.findElement(By.id("record-payment-button")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "the invoice is paid"));
        assertThat(browser.findElement(By.id("invoice-status")).getText()).isEqualToIgnoringCase("Paid");
        screenshots("invoice", () -> browser.navigate().refresh());
        browser.findElement(By.linkText("Invoices")).click();
        assertThat(browser.findElement(By.id("invoices")).getText()).contains("Acme Corp", total);
        screenshot("invoices");

        var pdf = java.util.Base64.getDecoder().decode((String) ((ChromeDriver) browser).executeAsyncScript(
            "var done = arguments[0]; fetch(document.querySelector('#invoices a').href + '.pdf')"
                + ".then(r => r.arrayBuffer()).then(b => { let s = ''; new Uint8Array(b).forEach(x =>"
                + " s += String.fromCharCode(x)); done(btoa(s)); })"));
        var reader = new com.lowagie.text.pdf.PdfReader(pdf);
        var text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains("Harbour Design Studio", "Bill to", "Acme Corp", "Website Redesign",
            "Train to the Acme workshop", "Hosting and maintenance", "IBAN: GB33 BUKB 2020 1555 5555 55", "PAID");
        Files.write(Files.createDirectories(Path.of("target", "browser")).resolve("invoice.pdf"), pdf);
    }

    @Test
    void checkAndImportATogglReport() throws IOException {
        var admin = fixtures.anAccount("Import Co");
        passwords.set(admin.userId(), PASSWORD);
        var report = Files.createTempFile("toggl", ".csv");
        var rows = new StringBuilder("User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
            + "End date,End time,Duration,Tags,Amount (USD)\n");
        for (int day = 1; day <= 20; day++) {
            rows.append("Ada Lovelace,ada@example.com,Acme,Website,Design,Wireframes ").append(day)
                .append(",Yes,2026-10-").append(day < 10 ? "0" : "").append(day).append(",09:00:00,2026-10-")
                .append(day < 10 ? "0" : "").append(day).append(",10:30:00,01:30:00,design,180.00\n");
        }
        rows.append("Ada Lovelace,ada@example.com,Acme,Website,Design,Lunch,No,someday,12:00:00,,,01:00:00,,\n");
        Files.writeString(report, rows.toString());
        browser.get(url("/login"));
        signIn(admin.email());
        until(ExpectedConditions.urlContains("/timesheet"));
        browser.findElement(By.linkText("Manage")).click();
        browser.findElement(By.linkText("Import & export")).click();
        new Select(browser.findElement(By.id("import-source"))).selectByVisibleText("Toggl Track (CSV)");
        browser.findElement(By.id("import-file")).sendKeys(report.toAbsolutePath().toString());
        browser.findElement(By.id("run-import")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Checked: 20 of 20 rows"));
        assertThat(browser.findElement(By.id("unreadable")).getText()).contains("Start date is not a date");
        screenshot("manage-import");
        // and for real, with a year of a team's history more: the page follows the import's progress
        for (int row = 0; row < 40_000; row++) {
            rows.append("Grace Hopper,grace@example.com,Navy,Compiler,Programming,Row ").append(row)
                .append(",Yes,2025-03-04,08:00:00,2025-03-04,09:00:00,01:00:00,,90.00\n");
        }
        Files.writeString(report, rows.toString());
        browser.findElement(By.id("import-file")).sendKeys(report.toAbsolutePath().toString());
        browser.findElement(By.id("dry-run")).click();
        browser.findElement(By.id("run-import")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-progress, #notice")));
        if (!browser.findElements(By.id("import-progress")).isEmpty()) {
            screenshot("manage-import-progress");
        }
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(
            By.id("notice"), "Imported 40020 of 40020 rows"));
        screenshot("manage-import-done");
        Files.delete(report);
    }

    @Test
    void tryTheApisInSwaggerUi() throws IOException {
        browser.get(url("/docs"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".swagger-ui .info .title"), "MinuteDock API"));
        assertThat(browser.findElement(By.cssSelector(".swagger-ui")).getText()).contains("/api/v1/entries",
            "Authorize");
        screenshot("openapi-docs");

        // an answer shows its example: what a real account gets
        var entry = browser.findElements(By.cssSelector(".opblock-get .opblock-summary")).stream()
            .filter(summary -> summary.getText().contains("/api/v1/entries/{id}")).findFirst().orElseThrow();
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView()", entry);
        entry.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".opblock-get.is-open .responses-wrapper"), "\"description\": \"Northwind\""));
        screenshot("openapi-example");
    }

    @Test
    void subscribeAWebhookAndSeeWhatWasDelivered() throws IOException {
        var admin = fixtures.anAccount("Hooks Co");
        passwords.set(admin.userId(), PASSWORD);
        var receiver = new WebhookReceiver();
        try {
            browser.get(url("/login"));
            signIn(admin.email());
            until(ExpectedConditions.urlContains("/timesheet"));
            browser.findElement(By.linkText("Manage")).click();
            browser.findElement(By.linkText("Webhooks")).click();
            browser.findElement(By.id("webhook-url")).sendKeys(receiver.url());
            browser.findElement(By.id("kind-1")).click(); // time changed: left out
            browser.findElement(By.id("add-webhook")).click();
            until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Subscribed"));
            assertThat(browser.findElement(By.id("secret")).getText()).startsWith("whsec_");
            screenshot("manage-webhooks-secret");

            var caller = api.bearer(admin.token());
            for (var description : List.of("Wireframes", "Client call", "Typo")) {
                caller.post("/api/v1/entries", "{\"entry\": {\"date\": \"2026-11-02\", \"duration\": 1800,"
                    + " \"description\": \"" + description + "\"}}").expect(201);
            }
            WebhookReceiver.awaitThat(() -> receiver.taken().size() == 3);
            receiver.status.set(503);
            caller.post("/api/v1/dock", "{\"entry\": {\"description\": \"Design review\", \"timer_active\": true}}")
                .expect(200);
            WebhookReceiver.awaitThat(() -> receiver.requests.size() >= 5);
            browser.get(url("/manage/webhooks"));
            var deliveries = browser.findElement(By.cssSelector("table.deliveries"));
            assertThat(deliveries.getText()).contains("Retrying", "503", "Delivered");
            ((ChromeDriver) browser).executeScript("document.querySelector('section.webhook').scrollIntoView()");
            screenshots("manage-webhooks", () -> ((ChromeDriver) browser).executeScript(
                "document.querySelector('section.webhook').scrollIntoView()"));
        } finally {
            // before the receiver goes: a subscription left behind would post on through the other
            // tests (into a closed receiver), and count in their statements
            for (var webhook : api.bearer(admin.token()).get("/api/v1/webhooks").json()) {
                api.bearer(admin.token()).delete("/api/v1/webhooks/" + webhook.get("id").stringValue()).expect(200);
            }
            receiver.close();
        }
    }

    @Test
    void inviteAPersonWhoSetsTheirPasswordAndSignsIn() throws IOException {
        var admin = fixtures.anAccount("Team Co");
        passwords.set(admin.userId(), PASSWORD);
        browser.get(url("/login"));
        signIn(admin.email());
        until(ExpectedConditions.urlContains("/timesheet"));

        browser.get(url("/manage/team"));
        browser.findElement(By.id("invite-email")).sendKeys("robin@team.example");
        browser.findElement(By.id("invite-first")).sendKeys("Robin");
        browser.findElement(By.id("invite-last")).sendKeys("Park");
        new Select(browser.findElement(By.id("invite-role"))).selectByVisibleText("Member");
        browser.findElement(By.id("invite-rate")).sendKeys("85");
        browser.findElement(By.id("send-invite")).click();
        var link = browser.findElement(By.id("revealed")).getText();
        assertThat(link).contains("/welcome?link=tlw_");
        screenshots("manage-team", () -> browser.navigate().refresh());

        var robin = chromium();
        try {
            robin.get(link);
            assertThat(robin.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome to Team Co");
            robin.findElement(By.id("password")).sendKeys("robin's long password");
            robin.findElement(By.id("confirmation")).sendKeys("robin's long password");
            var shot = ((ChromeDriver) robin).getScreenshotAs(OutputType.BYTES);
            Files.write(Files.createDirectories(Path.of("target", "browser")).resolve("welcome.png"), shot);
            robin.findElement(By.id("save-password")).click();
            new WebDriverWait(robin, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
            assertThat(robin.findElement(By.id("welcome")).getText()).startsWith("Your password is set: sign in with");
            // the email is filled in, the password field has the focus: the new password is all to type
            assertThat(robin.findElement(By.id("email")).getDomProperty("value")).isEqualTo("robin@team.example");
            assertThat(robin.switchTo().activeElement().getDomAttribute("id")).isEqualTo("password");
            robin.findElement(By.id("password")).sendKeys("robin's long password");
            robin.findElement(By.id("sign-in")).click();
            new WebDriverWait(robin, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/timesheet"));
            assertThat(robin.findElement(By.tagName("header")).getText()).contains("Timesheet")
                .doesNotContain("Manage");
        } finally {
            robin.quit();
        }
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("people")).getText()).contains("Robin Park", "85.00")
            .doesNotContain("Invited");
    }

    @Test
    void choosePictureAndGoBackToInitials() throws IOException {
        var person = fixtures.anAccount("Picture Co");
        passwords.set(person.userId(), PASSWORD);
        browser.get(url("/profile"));
        signIn(person.email());
        var chrome = (ChromeDriver) browser;
        chrome.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("picture-heading")));
        screenshot("profile-picture-initials");

        var picture = Files.createTempFile("avatar", ".png");
        var image = new java.awt.image.BufferedImage(128, 128, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var paint = image.createGraphics();
        paint.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(0x1f5fbf), 128, 128,
            new java.awt.Color(0x1e7d3c)));
        paint.fillRect(0, 0, 128, 128);
        paint.dispose();
        javax.imageio.ImageIO.write(image, "png", picture.toFile());
        browser.findElement(By.id("avatar-file")).sendKeys(picture.toString());
        browser.findElement(By.id("upload")).click();

        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "picture was changed"));
        var shown = browser.findElement(By.cssSelector("img.avatar.large"));
        assertThat((Boolean) chrome.executeScript("return arguments[0].complete && arguments[0].naturalWidth === 128",
            shown)).as("the uploaded picture loads").isTrue();
        chrome.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("picture-heading")));
        screenshot("profile-picture-uploaded");
        browser.findElement(By.id("remove-avatar")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "initials show"));
        Files.delete(picture);
    }

    @Test
    void authorizeAnAppOnTheConsentPage() throws IOException {
        var person = fixtures.anAccount("Consent Co");
        passwords.set(person.userId(), PASSWORD);
        var app = clients.register("Browser app", List.of("http://localhost:9/callback"), true);

        browser.get(url("/oauth/authorize?response_type=code&client_id=" + app.clientId()
            + "&redirect_uri=http://localhost:9/callback&scope=read%20write&state=st"));
        signIn(person.email());
        // the sign-in page has an h1 too: wait for the consent page's, not a stale one from the page before
        until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Browser app"));
        screenshot("consent");
        browser.findElement(By.id("authorize")).click();

        until(driver -> driver.getCurrentUrl().startsWith("http://localhost:9/callback"));
        var answer = WebSession.query(browser.getCurrentUrl());
        assertThat(answer).containsKey("code").containsEntry("state", "st");
    }

    private void until(Function<WebDriver, ?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private void signIn(String email) {
        signIn(browser, email);
    }

    private static void signIn(WebDriver browser, String email) {
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
    }

    /** Waits until the page's event stream is open: what happens from now on reaches it. */
    private static void awaitLive(WebDriver page) {
        new WebDriverWait(page, Duration.ofSeconds(10)).until(driver -> Boolean.TRUE.equals(
            ((ChromeDriver) driver).executeScript("return document.documentElement.dataset.live === 'open'")));
    }

    /**
     * Waits for {@code condition} on a page that is not reloaded: it must come from the page's event
     * stream, within a few seconds (the live push itself is measured in the load bench).
     */
    private static void live(WebDriver page, Function<WebDriver, ?> condition) {
        ((ChromeDriver) page).executeScript("window.notReloaded = true");
        new WebDriverWait(page, Duration.ofSeconds(3)).until(condition);
        assertThat(((ChromeDriver) page).executeScript("return window.notReloaded === true"))
            .as("the page changed in place, without a reload").isEqualTo(true);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * The page as it is, in the dark colour scheme, and on a phone (375 × 812, once {@code onPhone} has
     * laid it out again): {@code name}, {@code name-dark} and {@code name-phone}; on the phone, no wider
     * than its screen.
     */
    private void screenshots(String name, Runnable onPhone) throws IOException {
        screenshot(name);
        var chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia",
            java.util.Map.of("features", List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
        screenshot(name + "-dark");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", List.of()));
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            java.util.Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        onPhone.run();
        screenshot(name + "-phone");
        // what does not fit scrolls inside its card: the page itself never scrolls sideways on a phone
        assertThat(((Number) ((ChromeDriver) browser).executeScript(
            "return document.documentElement.scrollWidth")).intValue()).as(name + " on a phone").isLessThanOrEqualTo(375);
        chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    /** Kept in target/browser for a person to look at; nothing asserts on pixels. */
    private void screenshot(String name) throws IOException {
        var png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        var dir = Files.createDirectories(Path.of("target", "browser"));
        Files.write(dir.resolve(name + ".png"), png);
    }
}
