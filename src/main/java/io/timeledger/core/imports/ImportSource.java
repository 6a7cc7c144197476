package io.timeledger.core.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where imported time comes from: a product's detailed time report as it exports it, or Harvest's API. */
public enum ImportSource {
    HARVEST_CSV("Harvest"), TOGGL_CSV("Toggl Track"), CLOCKIFY_CSV("Clockify"), HARVEST_API("Harvest");

    private final String product;

    ImportSource(String product) {
        this.product = product;
    }

    /** The product's name, as an imported entry's external service shows it. */
    public String product() {
        return product;
    }

    /** "harvest-csv", as the command line and the web page name it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ImportSource> of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
