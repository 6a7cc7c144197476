package io.timeledger.core.catalog;

import io.timeledger.core.common.Field;
import java.math.BigDecimal;

/** A new job or a partial update; absent fields keep their value. */
public record JobChanges(Field<Long> projectId, Field<String> name, Field<PriceType> priceType,
                         Field<BigDecimal> price, Field<Long> estimateSeconds, Field<Boolean> completed) { }
