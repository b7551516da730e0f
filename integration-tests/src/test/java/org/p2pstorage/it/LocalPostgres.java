package org.p2pstorage.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, from Debian's postgresql package ({@code .ci/run} installs it when
 * missing): {@code initdb} into a folder of the build, {@code pg_ctl} on its own port, no system service.
 * Run as the {@code postgres} user when the tests run as root, since PostgreSQL refuses root.
 */
final class LocalPostgres implements AutoCloseable {

    private final Path folder;
    private final Path bin;
    private final int port;

    private LocalPostgres(Path folder, Path bin, int port) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
    }

    /** A new, empty server with a database {@code p2p} owned by user {@code p2p} (trust on localhost). */
    static LocalPostgres start(Path folder, int port) throws IOException, InterruptedException {
        Path bin = binaries();
        delete(folder);
        Files.createDirectories(folder);
        LocalPostgres server = new LocalPostgres(folder, bin, port);
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres", folder.toString()));
        }
        server.pg("initdb", "-D", folder.resolve("data").toString(), "-U", "p2p", "-A", "trust", "-E", "UTF8", "--no-sync");
        try {
            server.pg("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(), "-w",
                    "-o", "-p " + port + " -k " + folder + " -c listen_addresses=localhost -c fsync=off", "start");
        } catch (IllegalStateException notStarted) {
            throw new IllegalStateException(notStarted.getMessage() + "\nserver.log:\n" + server.log(), notStarted);
        }
        server.pg("createdb", "-h", "localhost", "-p", String.valueOf(port), "-U", "p2p", "p2p");
        return server;
    }

    /** The rows of a query on database p2p, one line each, columns separated by {@code |}. */
    String query(String sql) throws IOException, InterruptedException {
        return pg("psql", "-h", "localhost", "-p", String.valueOf(port), "-U", "p2p", "-d", "p2p", "-tA", "-c", sql).trim();
    }

    /** Starts these statements in one session of their own, in the background: another client holding a transaction. */
    Process begin(String sql) throws IOException {
        return new ProcessBuilder(command("psql", "-h", "localhost", "-p", String.valueOf(port), "-U", "p2p", "-d", "p2p",
                "-v", "ON_ERROR_STOP=1", "-c", sql)).redirectErrorStream(true).start();
    }

    /** What the server wrote on start-up, for a failure's message: pg_ctl itself only says to look there. */
    private String log() throws IOException {
        Path log = folder.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "(none written)";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "fast", "-w", "stop");
        delete(folder);
    }

    private String pg(String program, String... arguments) throws IOException, InterruptedException {
        return run(command(program, arguments));
    }

    private List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed PostgreSQL's programs (Debian keeps them in /usr/lib/postgresql/<major>/bin). */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PostgresIT needs Debian's postgresql package (/usr/lib/postgresql); .ci/run installs it");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql; .ci/run installs postgresql"));
        }
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
