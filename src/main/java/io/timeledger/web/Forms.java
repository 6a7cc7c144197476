package io.timeledger.web;

import io.timeledger.core.common.Invalid;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the pages' forms share: a refusal said as one sentence a person reads, and a typed number
 * read as the core expects it. The rules themselves stay in the core services.
 */
public final class Forms {

    private Forms() {
    }

    /**
     * The violations of {@code refusal} as one sentence ("Name can't be blank; Code has already been
     * taken."), each field named by {@code labels}, else by its words ({@code project_id}: "Project").
     */
    public static String sentence(Invalid refusal, Map<String, String> labels) {
        return refusal.violations().stream()
            .map(v -> "base".equals(v.field()) ? v.message() : label(v.field(), labels) + " " + v.message())
            .collect(Collectors.joining("; ")) + ".";
    }

    private static String label(String field, Map<String, String> labels) {
        var named = labels.get(field);
        if (named != null) {
            return named;
        }
        var words = field.replace("_ids", "").replace("_id", "").replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /**
     * Runs a form's action: its sentence becomes the next page's notice, or what the core refused
     * becomes its problem ({@link #sentence}). Whether the action was done; anything but a refusal
     * propagates.
     */
    public static boolean act(RedirectAttributes redirect, Map<String, String> labels, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return true;
        } catch (Invalid refused) {
            redirect.addFlashAttribute("problem", sentence(refused, labels));
            return false;
        }
    }

    /** The time zones a person picks from: UTC and the region ones (Europe/London), by name. */
    private static final List<String> TIME_ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds()
        .stream().filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted())
        .toList();

    /** The time zones a select offers, {@code current} among them (first, when it is none of the usual). */
    public static List<String> timeZones(String current) {
        return TIME_ZONES.contains(current) ? TIME_ZONES
            : Stream.concat(Stream.of(current), TIME_ZONES.stream()).toList();
    }

    /** A time zone chosen in {@code field} ("Europe/London"); refused as {@link Invalid} when it is none. */
    public static ZoneId zone(String field, String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new Invalid(field, "must be a time zone, such as Europe/London");
        }
    }

    /** An amount typed into {@code field} ("120", "120.50"): null when left blank. */
    public static BigDecimal amount(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(field, "must be a number, such as 120.00");
        }
    }
}
