package io.luxaris.jdbc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps an H2 file database private to its owner on POSIX file systems: H2 creates its files with the process's
 * umask (usually world-readable), and they hold every post and the encrypted credentials. Before H2 opens a
 * database, its data and trace files are created empty with mode 0600 (H2 fills an empty data file as a new
 * database) and existing ones are narrowed to 0600; a directory created for it gets 0700, which also covers H2's
 * temporary files.
 */
public final class H2Files {
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final String[] SUFFIXES = {".mv.db", ".trace.db"};

    private H2Files() {}

    /** The database path of an H2 file URL ({@code jdbc:h2:file:<path>[;settings]}), if it is one. */
    public static Optional<Path> databasePath(String url) {
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String path = url.substring(prefix.length());
        int settings = path.indexOf(';');
        if (settings >= 0) {
            path = path.substring(0, settings);
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path).toAbsolutePath());
    }

    /** Prepares the files of the database at {@code database} (a path without H2's suffixes) as described above. */
    public static void prepare(Path database) {
        Path dir = Objects.requireNonNull(database.toAbsolutePath().getParent(), "database directory");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                owner(dir, OWNER_DIRECTORY);
            }
            for (String suffix : SUFFIXES) {
                Path file = dir.resolve(database.getFileName() + suffix);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                } catch (UnsupportedOperationException e) {
                    return; // not a POSIX file system: H2 creates the files as it always does
                } catch (FileAlreadyExistsException e) {
                    owner(file, OWNER_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the H2 database files in " + dir, e);
        }
    }

    private static void owner(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
