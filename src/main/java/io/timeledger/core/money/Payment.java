package io.timeledger.core.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money received against a sent invoice, on a day, with an optional note (a bank reference). */
public record Payment(long id, BigDecimal amount, LocalDate paidOn, String note) { }
