package io.timeledger.core.time;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tags in an entry's description: {@code #word} names a task (by name, spaces left out) or a
 * project (by short code); {@code @word} names a contact (by short code). A tag starts a word, so
 * "issue#12" and "me@example.com" are not tags. Matching ignores case.
 */
record Hashtags(Set<String> hashes, Set<String> ats) {

    private static final Pattern TAG = Pattern.compile("(?<![\\p{L}\\p{N}_])([#@])([\\p{L}\\p{N}_.\\-]*[\\p{L}\\p{N}_])");

    static Hashtags in(String description) {
        var hashes = new LinkedHashSet<String>();
        var ats = new LinkedHashSet<String>();
        if (description != null) {
            var matcher = TAG.matcher(description);
            while (matcher.find()) {
                var word = matcher.group(2).toLowerCase(Locale.ROOT);
                (matcher.group(1).equals("#") ? hashes : ats).add(word);
            }
        }
        return new Hashtags(Set.copyOf(hashes), Set.copyOf(ats));
    }
}
