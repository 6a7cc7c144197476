package io.timeledger.core.catalog;

/**
 * A live project and the contact it belongs to, without budget progress: what pricing an entry
 * needs of both, read together.
 *
 * @param contact null when the project's contact is deleted
 */
public record ProjectWithContact(Project project, Contact contact) { }
