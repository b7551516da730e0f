package org.p2pstorage.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH client ({@code ssh}, {@code sftp}, {@code ssh-keygen}; {@code .ci/run} installs
 * openssh-client when missing) run as a user would, against the suite server's SSH port (2222 + the
 * suite's offset), never trusting or remembering host keys so that runs do not depend on each other.
 */
final class OpenSsh {

    record Run(int exit, String out, String err) {
    }

    private OpenSsh() {
    }

    static int port() {
        return Integer.getInteger("it.suite.ssh", 2222 + Integer.getInteger("it.suite.offset", 100));
    }

    /** A new Ed25519 key pair in the folder: the private key's path ({@code .pub} beside it). */
    static Path newKey(Path folder, String name) throws IOException, InterruptedException {
        Path key = folder.resolve(name);
        Run made = run(null, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString()));
        if (made.exit() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + made);
        }
        return key;
    }

    /** Writes a private key the server generated where ssh accepts it (owner-only). */
    static Path privateKey(Path folder, String name, String text) throws IOException {
        Path key = folder.resolve(name);
        Files.writeString(key, text);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return key;
    }

    static List<String> options(Path key) {
        return List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=20", "-F", "/dev/null");
    }

    /** {@code ssh -p <port> user@localhost <command…>}. */
    static Run ssh(Path key, String user, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("ssh", "-p", String.valueOf(port())));
        line.addAll(options(key));
        line.add(user + "@localhost");
        line.addAll(List.of(command));
        return run(null, line);
    }

    /** {@code ssh -tt -p <port> user@localhost} with {@code typed} as what the user types at the prompt. */
    static Run shell(Path folder, Path key, String user, String typed) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("ssh", "-tt", "-p", String.valueOf(port())));
        line.addAll(options(key));
        line.add(user + "@localhost");
        return run(folder, line, Files.writeString(Files.createTempFile(folder, "typed", ".txt"), typed));
    }

    /** {@code sftp -b <batch> -P <port> user@localhost}, run in {@code folder}. */
    static Run sftp(Path folder, Path key, String user, String batch) throws IOException, InterruptedException {
        Path file = Files.writeString(Files.createTempFile(folder, "batch", ".sftp"), batch);
        List<String> line = new ArrayList<>(List.of("sftp", "-b", file.toString(), "-P", String.valueOf(port())));
        line.addAll(options(key));
        line.add(user + "@localhost");
        return run(folder, line);
    }

    static Run run(Path folder, List<String> command) throws IOException, InterruptedException {
        return run(folder, command, Path.of("/dev/null"));
    }

    static Run run(Path folder, List<String> command, Path input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(input.toFile()));
        if (folder != null) {
            builder.directory(folder.toFile());
        }
        Path out = Files.createTempFile("ssh-out", ".txt");
        Path err = Files.createTempFile("ssh-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in 5 minutes");
        }
        try {
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
