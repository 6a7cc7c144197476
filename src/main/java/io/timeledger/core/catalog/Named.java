package io.timeledger.core.catalog;

/**
 * A catalog record's id and name, for showing what an entry points at (deleted records included).
 *
 * @param code a project's code (Harvest shows it beside the name); null for the rest
 */
public record Named(long id, String name, String code) {

    public Named(long id, String name) {
        this(id, name, null);
    }
}
