package io.timeledger.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The padding every branch of a lookup's UNION ALL shares; the lookups themselves run in RoundTripTests and RatesTests. */
class UnionColumnsTests {

    private final UnionColumns union = new UnionColumns("id", "bigint", "name", "text", "hourly_rate", "numeric");

    @Test
    void aBranchFillsItsColumnsInTheUnionsOrderAndTypesTheNullsOfTheRest() {
        var branch = union.branch("project", UnionColumns.and(UnionColumns.of("project", List.of("name", "id")),
            Map.of("hourly_rate", "CASE WHEN deleted_at IS NULL THEN default_rate END")), "FROM project");
        var bare = union.branch("contact", UnionColumns.of("contact", List.of("id")), "FROM contact");

        assertThat(branch).isEqualTo("SELECT 'project' AS kind, project.id AS id, project.name AS name,"
            + " CASE WHEN deleted_at IS NULL THEN default_rate END AS hourly_rate FROM project");
        assertThat(bare).isEqualTo("SELECT 'contact' AS kind, contact.id AS id, CAST(NULL AS text) AS name,"
            + " CAST(NULL AS numeric) AS hourly_rate FROM contact");
    }

    @Test
    void aColumnTheUnionLacksIsRefusedWhenTheQueryIsBuilt() {
        assertThatThrownBy(() -> union.branch("task", UnionColumns.of("task", List.of("id", "pinned")), "FROM task"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pinned");
        assertThatThrownBy(() -> new UnionColumns("id", "bigint", "name"))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
