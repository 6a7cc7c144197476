package io.timeledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through, run as a reader runs it: on a fresh server (the packaged jar, its
 * first start printing the token), every shell block from "Try it with curl" up to "Credentials"
 * in order, in one bash, each curl failing on an HTTP error; and every answer the README shows
 * ({@code #  -> ...}) found in what came back, in order, {@code ...} standing for anything.
 * Runs after {@code package}.
 */
class ReadmeIT {

    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final String BASE_LINE = "TL=http://localhost:8080";
    private static final Pattern TOKEN_LINE = Pattern.compile("(?m)^TOKEN=tlp_\\.\\.\\..*$");

    @TempDir Path dataDir;
    @TempDir Path workDir;

    @Test
    void theWalkThroughRunsTopToBottomOnAFreshServer() throws Exception {
        var readme = Files.readString(Path.of("README.md"));
        var story = readme.substring(readme.indexOf("## Try it with curl"), readme.indexOf("## Credentials"));
        var blocks = new ArrayList<String>();
        var matcher = SHELL_BLOCK.matcher(story);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertThat(blocks).as("the walk-through's shell blocks").hasSizeGreaterThanOrEqualTo(6);
        var script = String.join("\n", blocks);
        assertThat(script).contains(BASE_LINE);
        assertThat(TOKEN_LINE.matcher(script).find()).as("the line that takes the first start's token").isTrue();

        int port = ServerProcess.freePort();
        var server = ServerProcess.start(ServerProcess.jar(), dataDir, port);
        try {
            var token = server.token().get(90, TimeUnit.SECONDS);
            ServerProcess.awaitHealth(port);
            var runnable = "set -euo pipefail\n"
                // a reader sees an error's body; the test also stops at it
                + "curl() { command curl --fail-with-body -sS \"$@\"; }\n"
                + TOKEN_LINE.matcher(script.replace(BASE_LINE, "TL=http://localhost:" + port))
                    .replaceFirst("TOKEN=" + token);

            var bash = new ProcessBuilder("bash", "-c", runnable).directory(workDir.toFile())
                .redirectErrorStream(true).start();
            var output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    return "";
                }
            });
            assertThat(bash.waitFor(120, TimeUnit.SECONDS)).as("the walk-through finished within two minutes").isTrue();
            var answers = output.get(10, TimeUnit.SECONDS);
            assertThat(bash.exitValue()).as("the walk-through's exit status; it printed:%n%s", answers).isZero();
            assertThat(Files.size(workDir.resolve("invoice.pdf"))).as("the invoice's PDF").isPositive();
            assertShown(expectations(script), answers);
        } finally {
            server.stop();
        }
    }

    /** Each {@code #  -> ...} comment (with its continuation lines) as the fragments it must show. */
    static List<List<String>> expectations(String script) {
        var all = new ArrayList<List<String>>();
        StringBuilder current = null;
        for (var line : script.lines().toList()) {
            if (line.startsWith("#  -> ")) {
                if (current != null) {
                    all.add(fragments(current.toString()));
                }
                current = new StringBuilder(line.substring("#  -> ".length()));
            } else if (current != null && line.startsWith("#      ")) {
                current.append(line.substring("#      ".length()));
            } else if (current != null) {
                all.add(fragments(current.toString()));
                current = null;
            }
        }
        if (current != null) {
            all.add(fragments(current.toString()));
        }
        return all;
    }

    private static List<String> fragments(String shown) {
        return List.of(shown.replaceFirst("^e\\.g\\. ", "").split("\\.\\.\\.")).stream()
            .filter(fragment -> !fragment.isBlank())
            .toList();
    }

    /** Every expectation's fragments appear in the answers in order, each after the one before. */
    private static void assertShown(List<List<String>> expectations, String answers) {
        assertThat(expectations).as("the answers the README shows").isNotEmpty();
        int at = 0;
        for (var expectation : expectations) {
            for (var fragment : expectation) {
                int found = answers.indexOf(fragment, at);
                assertThat(found).as("the README shows %s (in %s), which did not come back after position %d of:%n%s",
                    fragment, expectation, at, answers).isNotNegative();
                at = found + fragment.length();
            }
        }
    }
}
