package org.p2pstorage.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A data folder as a release before Flyway left it: the H2 catalog Hibernate wrote itself
 * ({@code ejb-module/src/test/resources/db/catalog-before-flyway.sql}, which SchemaUpgradeTest migrates too)
 * holding one account, one folder and one file with its chunks and their copies, and the chunk files with their
 * manifests in the nodes' folders. The catalog is written and read with the H2 of the provisioned WildFly, run as
 * a process of its own, so that its files are in the server's format.
 */
final class OldDataFolder {

    static final String USER = "veteran";
    static final String FOLDER = "Kept since then";
    static final String FILE = "older-than-flyway.bin";
    static final String FILE_ID = "0dd0f11e0000a001";
    static final String FOLDER_ID = "0dd0f01de7000000000000000000a001";
    private static final int CHUNK = 65536;
    private static final int REPLICAS = 2;
    private static final String CREATED = "TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00'";
    private static final long CREATED_MILLIS = 1_795_168_800_000L;

    private final Path data;

    OldDataFolder(Path data) {
        this.data = data;
    }

    /** Writes the folder afresh, with this content as the one file, spread over nodes Node_01 to Node_nodes. */
    void write(byte[] content, int nodes) throws Exception {
        delete(data);
        String sha256 = hex(MessageDigest.getInstance("SHA-256").digest(content));
        int chunks = (content.length + CHUNK - 1) / CHUNK;
        StringBuilder sql = new StringBuilder(Files.readString(Path.of(System.getProperty("p2p.old.catalog"))));
        sql.append(String.format("""
                INSERT INTO user_account (id, admin, createdAt, email, lastOtpStep, passwordHash, secondFactor, username)
                    VALUES (1, TRUE, %1$s, '%2$s@p2p.test', 0, '%3$s', 'NONE', '%2$s');
                INSERT INTO folder (id, createdAt, name, owner, parentId) VALUES ('%4$s', %1$s, '%5$s', '%2$s', NULL);
                INSERT INTO stored_file (id, acknowledged, chunkCount, chunkSize, completedAt, copiesSent, createdAt, expectedSize,
                    failure, folderId, name, owner, recoveredFrom, rejected, replicas, sealed, sha256, size, status)
                    VALUES ('%6$s', %7$d, %8$d, %9$d, %1$s, %7$d, %1$s, %10$d, NULL, '%4$s', '%11$s', '%2$s', NULL, 0, %12$d,
                    TRUE, '%13$s', %10$d, 'AVAILABLE');
                """, CREATED, USER, passwordHash(Api.PASSWORD), FOLDER_ID, FOLDER, FILE_ID, chunks * REPLICAS, chunks, CHUNK,
                (long) content.length, FILE, REPLICAS, sha256));
        List<List<String>> manifests = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            manifests.add(new ArrayList<>());
        }
        for (int index = 0; index < chunks; index++) {
            byte[] chunk = Arrays.copyOfRange(content, index * CHUNK, Math.min(content.length, (index + 1) * CHUNK));
            String chunkSha = hex(MessageDigest.getInstance("SHA-256").digest(chunk));
            String fileName = String.format("%s_chunk_%05d.bin", FILE_ID, index);
            sql.append(String.format("INSERT INTO file_chunk (id, file_id, chunk_index, sha256, size) VALUES (%d, '%s', %d, '%s', %d);%n",
                    index + 1, FILE_ID, index, chunkSha, chunk.length));
            for (int copy = 0; copy < REPLICAS; copy++) {
                int node = (index + copy) % nodes;
                String nodeId = String.format("Node_%02d", node + 1);
                sql.append(String.format("INSERT INTO chunk_placement (id, chunk_index, file_id, nodeId, purpose, sentAt, state, chunk_id)"
                        + " VALUES (%d, %d, '%s', '%s', 'UPLOAD', %s, 'STORED', %d);%n",
                        index * REPLICAS + copy + 1, index, FILE_ID, nodeId, CREATED, index + 1));
                Path folder = Files.createDirectories(data.resolve("nodes").resolve(nodeId));
                Files.write(folder.resolve(fileName), chunk);
                manifests.get(node).add("PUT " + fileName + " " + chunk.length + " " + chunkSha);
            }
        }
        for (String sequence : List.of("user_account_seq", "backup_code_seq", "mailed_code_seq", "file_chunk_seq", "chunk_placement_seq")) {
            sql.append("ALTER SEQUENCE ").append(sequence).append(" RESTART WITH 1001;\n");
        }
        String record = Stream.of("FILE", FILE_ID, USER, FILE, FOLDER, String.valueOf(content.length), sha256, String.valueOf(CHUNK),
                        String.valueOf(chunks), String.valueOf(REPLICAS), String.valueOf(CREATED_MILLIS))
                .map(OldDataFolder::encode).collect(Collectors.joining(" "));
        for (int node = 0; node < nodes; node++) {
            Path folder = data.resolve("nodes").resolve(String.format("Node_%02d", node + 1));
            if (!manifests.get(node).isEmpty()) {
                Files.write(folder.resolve("manifest.log"), Stream.concat(manifests.get(node).stream(), Stream.of(record)).toList());
            }
        }
        Path script = Files.createTempFile("old-catalog-", ".sql");
        try {
            Files.writeString(script, sql);
            h2("org.h2.tools.RunScript", "-url", url(), "-user", "sa", "-password", "sa", "-script", script.toString());
        } finally {
            Files.delete(script);
        }
    }

    /** The rows of a query on the catalog (the server must be stopped), one line each, columns separated by {@code |}. */
    String query(String select) throws IOException, InterruptedException {
        Path csv = Files.createTempFile("catalog-", ".csv");
        Path script = Files.createTempFile("query-", ".sql");
        try {
            Files.writeString(script, "CALL CSVWRITE('" + csv + "', '" + select.replace("'", "''")
                    + "', 'writeColumnHeader=false fieldSeparator=| fieldDelimiter=');\n");
            h2("org.h2.tools.RunScript", "-url", url(), "-user", "sa", "-password", "sa", "-script", script.toString());
            return Files.readAllLines(csv).stream().collect(Collectors.joining("\n"));
        } finally {
            Files.delete(csv);
            Files.delete(script);
        }
    }

    private String url() {
        return "jdbc:h2:" + data.resolve("db").resolve("catalog");
    }

    private static void h2(String tool, String... arguments) throws IOException, InterruptedException {
        Path modules = Path.of(System.getProperty("wildfly.home"), "modules", "system", "layers", "base", "com", "h2database", "h2", "main");
        Path jar;
        try (Stream<Path> files = Files.list(modules)) {
            jar = files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), tool));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(tool + " failed: " + output);
        }
    }

    /** The password hashed as the server's Pbkdf2PasswordHash writes it (PBKDF2-HMAC-SHA256, 210,000 iterations). */
    private static String passwordHash(String password) throws NoSuchAlgorithmException, InvalidKeySpecException {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 210_000, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:210000:" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(hash);
    }

    private static String encode(String value) {
        return value.equals("FILE") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("-", "%2D");
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
