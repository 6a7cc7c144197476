package io.timeledger.api.minutedock;

import static io.timeledger.api.minutedock.MinuteDockContactsTests.names;
import static io.timeledger.support.JsonShape.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.Api;
import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class MinuteDockTasksTests {

    /** The Task model's example in the MinuteDock document. */
    static final String SEED_TASK = """
        {"id": "123456", "name": "Development", "pinned": true, "default_rate_dollars": "150.00", "entries_count": 342}""";

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void creatingATaskAnswersTheSeedsTask() {
        var admin = fixtures.anAccount();

        var created = api.bearer(admin.token()).post("/api/v1/tasks", """
            {"task": {"name": "Development", "pinned": true, "default_rate_dollars": "150.00"}}""")
            .expect(201).json();

        assertSameShape(SEED_TASK, created);
        assertThat(created.get("entries_count").longValue()).isZero();
        assertThat(created.get("default_rate_dollars").stringValue()).isEqualTo("150.00");
        assertThat(api.bearer(admin.token()).get("/api/v1/tasks/" + created.get("id").stringValue())
            .expect(200).json()).isEqualTo(created);
    }

    @Test
    void tasksAreListedByNameAndUpdatedPartially() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());
        var design = caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}").expect(201)
            .json().get("id").stringValue();
        caller.post("/api/v1/tasks", "{\"name\": \"Consulting\"}").expect(201);

        var updated = caller.put("/api/v1/tasks/" + design, """
            {"task": {"default_rate_dollars": "95.50"}}""").expect(200).json();

        assertThat(updated.get("name").stringValue()).isEqualTo("Design");
        assertThat(updated.get("default_rate_dollars").stringValue()).isEqualTo("95.50");
        assertThat(names(caller.get("/api/v1/tasks").expect(200).json())).containsExactly("Consulting", "Design");
    }

    @Test
    void taskNamesAreUniquePerAccountBecauseHashtagsNameThem() {
        var admin = fixtures.anAccount();
        api.bearer(admin.token()).post("/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}").expect(201);

        var duplicate = api.bearer(admin.token()).post("/api/v1/tasks", "{\"task\": {\"name\": \"design\"}}")
            .expect(422).json();

        assertThat(duplicate.get("errors").get("name").get(0).stringValue()).isEqualTo("has already been taken");
        api.bearer(fixtures.anAccount().token()).post("/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}")
            .expect(201);
    }

    @Test
    void invalidTasksNameTheirField() {
        var admin = fixtures.anAccount();
        var caller = api.bearer(admin.token());

        assertThat(caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"\"}}").expect(422)
            .json().get("errors").get("name").get(0).stringValue()).isEqualTo("can't be blank");
        assertThat(caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"A\", \"default_rate_dollars\": 150}}")
            .expect(422).json().get("errors").get("default_rate_dollars").get(0).stringValue())
            .isEqualTo("must be a string");
        assertThat(caller.post("/api/v1/tasks", "{\"task\": {\"name\": \"A\", \"pinned\": []}}")
            .expect(422).json().get("errors").get("pinned").get(0).stringValue()).isEqualTo("must be true or false");
        assertThat(caller.get("/api/v1/tasks").json()).isEmpty();
    }

    @Test
    void deleteRemovesTheTask() {
        var admin = fixtures.anAccount();
        var id = api.bearer(admin.token()).post("/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}")
            .expect(201).json().get("id").stringValue();

        var deleted = api.bearer(admin.token()).delete("/api/v1/tasks/" + id).expect(200).json();

        assertSameShape("{\"id\": \"123\", \"status\": \"deleted\"}", deleted);
        api.bearer(admin.token()).get("/api/v1/tasks/" + id).expect(404);
        api.bearer(admin.token()).post("/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}").expect(201);
    }

    @Test
    void anotherAccountsTaskIsNotFoundAndMembersCannotChangeTasks() {
        var admin = fixtures.anAccount();
        var member = fixtures.aMember(admin.account());
        var id = api.bearer(admin.token()).post("/api/v1/tasks", "{\"task\": {\"name\": \"Design\"}}")
            .expect(201).json().get("id").stringValue();
        var stranger = fixtures.anAccount();

        api.bearer(stranger.token()).get("/api/v1/tasks/" + id).expect(404);
        api.bearer(stranger.token()).put("/api/v1/tasks/" + id, "{\"name\": \"X\"}").expect(404);
        api.bearer(stranger.token()).delete("/api/v1/tasks/" + id).expect(404);
        api.bearer(member.token()).post("/api/v1/tasks", "{\"task\": {\"name\": \"Mine\"}}").expect(403);
        api.bearer(member.token()).put("/api/v1/tasks/" + id, "{\"name\": \"X\"}").expect(403);
        api.bearer(member.token()).delete("/api/v1/tasks/" + id).expect(403);
        assertThat(names(api.bearer(member.token()).get("/api/v1/tasks").expect(200).json())).containsExactly("Design");
    }
}
