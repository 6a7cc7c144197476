package io.timeledger.core.money;

/** An expense's receipt: a picture or a PDF, its type told by its bytes. */
public record Receipt(String contentType, String fileName, byte[] bytes) { }
