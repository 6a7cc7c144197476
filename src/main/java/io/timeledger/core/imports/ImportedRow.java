package io.timeledger.core.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of a source's report, read into what an entry needs: its day, time (and start and end,
 * where the source gives them), who, for whom and on what, its notes and tags, and money as the
 * source had it. Names are as the file writes them; blank ones are null.
 *
 * @param line       the row's line in the file, for what is said about it
 * @param personName "First Last" where the source names people so
 * @param rate       the billable rate the source priced the row at; null when it gave none
 * @param approved   approved in the source (Harvest's Approved?): imported closed
 * @param invoiced   billed in the source (Harvest's Invoiced?): imported locked, as billed there
 * @param key        the row's identity in its source: the same row imported again is recognised
 */
public record ImportedRow(long line, LocalDate day, long seconds, Instant startedAt, Instant endedAt,
                          String personEmail, String personName, String client, String project, String projectCode,
                          String task, String notes, List<String> tags, boolean billable, BigDecimal rate,
                          BigDecimal costRate, boolean approved, boolean invoiced, String key) { }
