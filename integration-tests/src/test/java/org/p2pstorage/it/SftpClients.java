package org.p2pstorage.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The other standard SFTP clients, run as a user would against the suite server's SSH port: rclone's
 * sftp backend (Debian's {@code rclone}) with an on-the-fly remote and no configuration file, and PuTTY's
 * {@code psftp} (Debian's {@code putty-tools}; FileZilla's SFTP engine, fzsftp, is PuTTY's) in batch mode
 * with the key converted by {@code puttygen}. {@code .ci/run} installs both when missing. Neither trusts
 * nor remembers a host key beyond the one run.
 */
final class SftpClients {

    private SftpClients() {
    }

    /** The rclone remote for the user's drive: {@code :sftp,host=…,port=…,user=…,key_file=…:} followed by a path. */
    static String remote(String user, Path key, String path) {
        return ":sftp,host=localhost,port=" + OpenSsh.port() + ",user=" + user + ",key_file=" + key + ":" + path;
    }

    /**
     * {@code rclone --config /dev/null <args…>} in {@code folder}: the configuration kept in memory only, one
     * retry (a failure shows at once instead of after rclone's three tries).
     */
    static OpenSsh.Run rclone(Path folder, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("rclone", "--config", "/dev/null", "--retries", "1",
                "--low-level-retries", "1", "--cache-dir", folder.resolve(".rclone-cache").toString()));
        line.addAll(List.of(args));
        return OpenSsh.run(folder, line);
    }

    /** The OpenSSH private key converted to PuTTY's format ({@code puttygen key -O private -o key.ppk}). */
    static Path puttyKey(Path key) throws IOException, InterruptedException {
        Path ppk = Path.of(key + ".ppk");
        OpenSsh.Run made = OpenSsh.run(null, List.of("puttygen", key.toString(), "-O", "private", "-o", ppk.toString()));
        if (made.exit() != 0) {
            throw new IllegalStateException("puttygen failed: " + made);
        }
        return ppk;
    }

    /** The server's host key as PuTTY's {@code -hostkey} takes it: its SHA256 fingerprint, read by ssh-keyscan. */
    static String hostKeyFingerprint(Path folder) throws IOException, InterruptedException {
        OpenSsh.Run scanned = OpenSsh.run(null, List.of("ssh-keyscan", "-p", String.valueOf(OpenSsh.port()), "localhost"));
        if (scanned.exit() != 0 || scanned.out().isBlank()) {
            throw new IllegalStateException("ssh-keyscan failed: " + scanned);
        }
        Path keys = Files.writeString(Files.createTempFile(folder, "host", ".keys"), scanned.out());
        OpenSsh.Run print = OpenSsh.run(null, List.of("ssh-keygen", "-l", "-E", "sha256", "-f", keys.toString()));
        if (print.exit() != 0) {
            throw new IllegalStateException("ssh-keygen -l failed: " + print);
        }
        return print.out().lines().findFirst().orElseThrow().split(" ")[1];
    }

    /** {@code psftp -batch -b <script> -i <key.ppk> -P <port> -hostkey <fingerprint> user@localhost}, run in {@code folder}. */
    static OpenSsh.Run psftp(Path folder, Path ppk, String hostKey, String user, String script)
            throws IOException, InterruptedException {
        Path file = Files.writeString(Files.createTempFile(folder, "script", ".psftp"), script);
        return OpenSsh.run(folder, List.of("psftp", "-batch", "-b", file.toString(), "-i", ppk.toString(),
                "-P", String.valueOf(OpenSsh.port()), "-hostkey", hostKey, user + "@localhost"));
    }
}
