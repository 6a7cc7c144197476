package io.timeledger.core.catalog;

/** A catalog record's id and name, for showing what an entry points at (deleted records included). */
public record Named(long id, String name) { }
