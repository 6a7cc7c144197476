package io.timeledger.core.time;

import io.timeledger.core.catalog.CatalogNames;

/**
 * An entry just created, with the names and assignments of what it points at as pricing read
 * them: a view shows it without reading them again. {@code names} holds every live record the
 * entry points at; a deleted one is absent (a MinuteDock job may still name a deleted contact).
 */
public record Created(Entry entry, CatalogNames.Names names) { }
