/**
 * What the API dialects share: reading request fields with errors that name the field, and
 * turning every failure into a status and message that each dialect renders in its own shape.
 */
package io.timeledger.api.common;
