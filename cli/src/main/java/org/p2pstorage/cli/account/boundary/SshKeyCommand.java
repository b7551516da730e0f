package org.p2pstorage.cli.account.boundary;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.p2pstorage.cli.shell.boundary.ClientCommand;
import org.p2pstorage.cli.terminal.control.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ssh-key add|list|remove|generate}: the signed-in user's SSH public keys, which sign in to the
 * server's SSH and SFTP (the same keys as {@code /api/auth/ssh-keys} and the portal). A generated private key
 * is shown or written once and never kept by the server.
 */
@Command(name = "ssh-key", description = "Manage your SSH keys (for ssh and sftp to the server).",
        subcommands = {SshKeyCommand.Add.class, SshKeyCommand.ListKeys.class, SshKeyCommand.Remove.class,
                SshKeyCommand.Generate.class})
public class SshKeyCommand extends ClientCommand {

    static final String KEYS = "/api/auth/ssh-keys";

    @Override
    protected void run() {
        spec.commandLine().usage(out());
    }

    /** One key as a line: id, name, fingerprint. */
    static String describe(JsonObject key) {
        return "Key " + key.getJsonNumber("id") + " \"" + key.getString("name", "") + "\" " + key.getString("algorithm", "")
                + " " + key.getString("fingerprint", "");
    }

    /** The keys as a table: id, name, algorithm, fingerprint, added, last used. */
    static String table(JsonArray keys) {
        if (keys.isEmpty()) {
            return "No SSH keys yet: ssh-key add <name> <file.pub>, or ssh-key generate <name>\n";
        }
        Table table = new Table(List.of("ID", "Name", "Algorithm", "Fingerprint", "Added", "Last used"), 4, 12, 11, 20, 10, 10);
        for (JsonObject key : keys.getValuesAs(JsonObject.class)) {
            table.row(key.getJsonNumber("id"), key.getString("name", ""), key.getString("algorithm", ""),
                    key.getString("fingerprint", ""), day(key, "createdAt"), day(key, "lastUsedAt"));
        }
        return table.render();
    }

    private static String day(JsonObject key, String field) {
        String value = !key.containsKey(field) || key.isNull(field) ? "never" : key.getString(field, "never");
        return value.length() > 10 ? value.substring(0, 10) : value;
    }

    @Command(name = "add", description = "Add a public key (an OpenSSH .pub file).")
    static class Add extends ClientCommand {

        @Parameters(index = "0", paramLabel = "<name>", description = "what the key is, e.g. laptop")
        String name;

        @Parameters(index = "1", paramLabel = "<file.pub>", description = "e.g. ~/.ssh/id_ed25519.pub")
        Path file;

        @Override
        protected void run() throws Exception {
            String line = Files.readString(file, StandardCharsets.UTF_8).trim();
            JsonObject key = (JsonObject) api().post(KEYS, Json.createObjectBuilder().add("name", name).add("publicKey", line).build());
            show(key, k -> "Added " + describe(k) + "\n");
        }
    }

    @Command(name = "list", description = "List your SSH keys.")
    static class ListKeys extends ClientCommand {

        @Override
        protected void run() throws Exception {
            show(api().getArray(KEYS), SshKeyCommand::table);
        }
    }

    @Command(name = "remove", description = "Remove a key: it no longer signs in.")
    static class Remove extends ClientCommand {

        @Parameters(index = "0", paramLabel = "<id>", description = "the key's id (ssh-key list)")
        long id;

        @Override
        protected void run() throws Exception {
            api().delete(KEYS + "/" + id);
            out().println("Removed key " + id);
        }
    }

    @Command(name = "generate", description = "Have the server make an Ed25519 key pair; the private key is shown once.")
    static class Generate extends ClientCommand {

        @Parameters(index = "0", paramLabel = "<name>", description = "what the key is for")
        String name;

        @Option(names = "--out", paramLabel = "<file>", description = "write the private key to this file (owner-only) instead of printing it")
        Path out;

        @Override
        protected void run() throws Exception {
            JsonObject made = (JsonObject) api().post(KEYS + "/generate", Json.createObjectBuilder().add("name", name).build());
            String privateKey = made.getString("privateKey");
            JsonObject key = made.getJsonObject("key");
            if (out != null) {
                Files.writeString(out, privateKey, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
                out().println("Generated " + describe(key) + "\nPrivate key written to " + out
                        + " (the server keeps no copy): ssh -i " + out + " -p 2222 <you>@<host>");
            } else if (json()) {
                printJson(made);
            } else {
                out().println("Generated " + describe(key) + "\nThe private key, shown this once (the server keeps no copy):\n"
                        + privateKey);
            }
        }
    }
}
