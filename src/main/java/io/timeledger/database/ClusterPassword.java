package io.timeledger.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded cluster asks for a password: zonky's {@code initdb -A trust} lets every user of
 * the machine connect as superuser, to every account's rows. On each start of a cluster that
 * still trusts (a new one, or one made by an older Timeledger), a random password is made, kept in
 * {@value EmbeddedDatabase#PASSWORD_FILE} in the data directory (mode 0600, like the cluster's own
 * files), set on the superuser (scram-sha-256), and {@code pg_hba.conf} is rewritten to require it
 * on the socket and on loopback; nothing else is accepted. The server and the admin command line
 * read the file.
 */
final class ClusterPassword {

    private static final Logger log = LoggerFactory.getLogger(ClusterPassword.class);

    private static final List<String> HBA = List.of(
        "# Written by Timeledger: the superuser's password (in " + EmbeddedDatabase.PASSWORD_FILE + ") or nothing.",
        "local   all   all                 scram-sha-256",
        "host    all   all   127.0.0.1/32  scram-sha-256",
        "host    all   all   ::1/128       scram-sha-256");

    private ClusterPassword() {
    }

    static Optional<String> read(Path directory) throws IOException {
        var file = directory.resolve(EmbeddedDatabase.PASSWORD_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
    }

    /** Makes the cluster on {@code directory} (connected to as superuser) require its password; returns it. */
    static String require(Path directory, Connection superuser) throws IOException, SQLException {
        var hba = directory.resolve("pg_hba.conf");
        var known = read(directory);
        if (known.isPresent() && Files.readAllLines(hba).equals(HBA)) {
            return known.get();
        }
        var password = known.orElseGet(ClusterPassword::generate);
        if (known.isEmpty()) {
            var file = directory.resolve(EmbeddedDatabase.PASSWORD_FILE);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        }
        try (var statement = superuser.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            // a literal, not a parameter: ALTER ROLE takes none; the password is hex, nothing to escape
            statement.execute("ALTER ROLE " + EmbeddedDatabase.USER + " PASSWORD '" + password + "'");
            Files.write(hba, HBA);
            statement.execute("SELECT pg_reload_conf()");
        }
        log.info("The embedded PostgreSQL now requires the password kept in {}",
            directory.resolve(EmbeddedDatabase.PASSWORD_FILE).toAbsolutePath().normalize());
        return password;
    }

    private static String generate() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
