package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.p2pstorage.cli.shell.boundary.P2p;
import org.p2pstorage.cli.shell.control.Prompter;
import org.p2pstorage.cli.shell.entity.Settings;

import picocli.CommandLine;

/**
 * The command-line client against the suite server: its commands run in-process (their output and exit
 * codes captured, answers to prompts scripted), and the shell once in a real pseudo-terminal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CliIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    static final String SERVER = "http://localhost:" + Integer.getInteger("it.suite.http", 8180);

    @TempDir
    Path config;

    @TempDir
    Path work;

    /** What a command did: its exit code and what it wrote. */
    record Run(int status, String out, String err) {
    }

    /** The answers a user would type at the prompts, in order; each may look at the output so far. */
    final Deque<Supplier<String>> answers = new ArrayDeque<>();
    StringWriter out;

    Run p2p(String... args) {
        Run run = run(args);
        assertTrue(answers.isEmpty(), "every answer was asked for");
        return run;
    }

    /** Runs a command with the scripted answers, whether or not it asked for all of them. */
    Run run(String... args) {
        out = new StringWriter();
        StringWriter err = new StringWriter();
        Prompter scripted = new Prompter() {
            @Override
            public String secret(String prompt) {
                return line(prompt);
            }

            @Override
            public String line(String prompt) {
                Supplier<String> answer = answers.poll();
                if (answer == null) {
                    throw new IllegalStateException("unexpected prompt: " + prompt);
                }
                return answer.get();
            }
        };
        CommandLine commandLine = P2p.commandLine(new P2p(new Settings(SERVER, config), false, scripted, false));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    Run ok(String... args) {
        Run run = p2p(args);
        assertEquals(0, run.status(), String.join(" ", args) + ": " + run.err() + run.out());
        assertEquals("", run.err());
        return run;
    }

    void answer(String... lines) {
        for (String line : lines) {
            answers.add(() -> line);
        }
    }

    /** Registers a user with the CLI (password asked twice) and logs in. */
    String registerAndLogin() {
        String name = Api.uniqueName("cli");
        answer(Api.PASSWORD, Api.PASSWORD);
        assertTrue(ok("register", name, name + "@p2p.test").out().contains("Registered " + name));
        answer(Api.PASSWORD);
        assertTrue(ok("login", name).out().startsWith("Logged in as " + name + " on " + SERVER));
        return name;
    }

    /**
     * Logs in with the password and a second-factor code. Sign-ins from this test JVM share one address,
     * so earlier failed attempts (of any test) may make the server ask it to wait: it waits, as a user would.
     */
    Run loginWaitingOutTheThrottle(String name, Supplier<String> code) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            answers.clear();
            answer(Api.PASSWORD);
            answers.add(code);
            Run run = run("login", name);
            Matcher wait = Pattern.compile("try again in (\\d+) s").matcher(run.err());
            if (!wait.find() || attempt == 30) {
                assertTrue(answers.isEmpty(), "both the password and the code were asked for: " + run);
                return run;
            }
            Thread.sleep(Long.parseLong(wait.group(1)) * 1000);
        }
    }

    void loginAsAdmin() {
        Api.suiteAdmin().token(); // registers the admin if no test has yet
        answer(Api.PASSWORD);
        assertTrue(ok("login", Api.ADMIN).out().startsWith("Logged in as admin (admin)"));
    }

    @Test
    void aFiftyMegabyteFileGoesUpAndComesBackByteIdentical() throws Exception {
        registerAndLogin();
        Path original = work.resolve("fifty.bin");
        try (InputStream in = new RandomContent(50_000_000, 66).stream(); OutputStream file = Files.newOutputStream(original)) {
            in.transferTo(file);
        }

        Run upload = ok("upload", original.toString());
        assertTrue(upload.out().contains("] 100.0%  1526/1526 copies  95.37MB/95.37MB"), "two copies of each chunk: " + upload.out());
        Matcher uploaded = Pattern.compile("Uploaded fifty.bin \\(47.68MB, 763 chunks × 2 copies\\): (\\w+)").matcher(upload.out());
        assertTrue(uploaded.find(), upload.out());
        String fileId = uploaded.group(1);

        Run ls = ok("ls");
        assertTrue(ls.out().lines().anyMatch(l -> l.startsWith(fileId) && l.contains("fifty.bin")
                && l.matches(".* AVAILABLE +healthy .*")), ls.out());

        Run info = ok("info", fileId);
        assertTrue(info.out().contains("Status:  AVAILABLE, 763/763 chunks acknowledged"), info.out());
        assertTrue(info.out().contains("Health:  healthy (every chunk has its 2 copies on live nodes)"), info.out());
        assertTrue(info.out().lines().anyMatch(l -> l.matches("762 +\\d+\\.\\d+KB +healthy +Node_0\\d +STORED .*")), info.out());
        assertEquals(2 * 763, info.out().lines().filter(l -> l.matches("(\\d+ .*| +)Node_0\\d +STORED.*")).count(),
                "a row for every copy");

        Path copy = work.resolve("copy.bin");
        Run download = ok("download", "fifty.bin", copy.toString());
        assertTrue(download.out().contains("] 100.0%  763/763 chunks"), download.out());
        assertEquals(sha256(original), sha256(copy));

        Run json = ok("--json", "ls");
        JsonArray files = (JsonArray) Api.parse(json.out());
        assertEquals(fileId, files.getJsonObject(0).getString("fileId"));

        assertTrue(ok("delete", fileId).out().startsWith("Deleted fifty.bin (" + fileId + ")"));
        assertFalse(ok("ls").out().contains(fileId));
    }

    @Test
    void sshKeysAreAddedGeneratedListedAndRemovedAndSignInToTheSshServer() throws Exception {
        String name = registerAndLogin();
        Path own = OpenSsh.newKey(work, "id_cli");
        Run added = ok("ssh-key", "add", "laptop", own + ".pub");
        assertTrue(added.out().matches("(?s)Added Key \\d+ \"laptop\" ssh-ed25519 SHA256:.*"), added.out());

        Path generated = work.resolve("id_generated");
        Run made = ok("ssh-key", "generate", "made", "--out", generated.toString());
        assertTrue(made.out().contains("Private key written to " + generated), made.out());
        assertTrue(Files.readString(generated).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(generated)));
        Matcher id = Pattern.compile("Key (\\d+) \"made\"").matcher(made.out());
        assertTrue(id.find(), made.out());

        String listed = ok("ssh-key", "list").out();
        assertTrue(listed.contains("laptop") && listed.contains("made") && listed.contains("SHA256:"), listed);
        assertEquals(0, OpenSsh.ssh(generated, name, "ls").exit(), "the generated key signs in");
        assertEquals(0, OpenSsh.ssh(own, name, "ls").exit(), "the added key signs in");

        assertTrue(ok("ssh-key", "remove", id.group(1)).out().contains("Removed key " + id.group(1)));
        assertFalse(ok("ssh-key", "list").out().contains("made"));
        assertEquals(255, OpenSsh.ssh(generated, name, "ls").exit(), "a removed key no longer signs in");
        Run unknown = p2p("ssh-key", "remove", "999999999");
        assertEquals(1, unknown.status(), unknown.toString());
    }

    @Test
    void twoFactorIsTurnedOnWithTheQrCodeAndLoginAsksForTheCode() throws Exception {
        String name = registerAndLogin();
        long[] usedStep = new long[1];
        // the code is computed from the secret the command has just printed, as an authenticator app would
        answers.add(() -> {
            Matcher secret = Pattern.compile("Secret: ([A-Z2-7]+)").matcher(out.toString());
            assertTrue(secret.find(), out.toString());
            usedStep[0] = TwoFactorIT.step(Instant.now());
            return totp(TwoFactorIT.base32(secret.group(1)), usedStep[0]);
        });
        Run enabled = ok("enable_otp");
        assertTrue(enabled.out().contains("▀") && enabled.out().contains("▄"), "a QR code drawn in half blocks");
        assertTrue(enabled.out().contains("URI:    otpauth://totp/p2p-storage:" + name + "?secret="), enabled.out());
        List<String> backup = enabled.out().lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
        assertEquals(10, backup.size(), enabled.out());
        byte[] key = TwoFactorIT.base32(Pattern.compile("Secret: ([A-Z2-7]+)").matcher(enabled.out()).results()
                .findFirst().orElseThrow().group(1));

        assertEquals("Logged out.", ok("logout").out().strip());
        Run wrong = loginWaitingOutTheThrottle(name, () -> "000000");
        assertEquals(1, wrong.status());
        assertEquals("Error: wrong or already used code", wrong.err().strip());

        Run right = loginWaitingOutTheThrottle(name, () -> totp(key, usedStep[0] + 1));
        assertEquals(0, right.status(), right.err());
        assertTrue(right.out().startsWith("Logged in as " + name));
        assertTrue(ok("whoami").out().contains("second factor APP"));
        assertTrue(ok("whoami").out().contains("Storage: "), "whoami shows the quota");
    }

    @Test
    void theNetworkCommandsShowTheSeedsTables() {
        loginAsAdmin();
        List<String> nodes = ok("nodes").out().lines().toList();
        assertEquals("Network: P2P_Storage_Network (192.168.1.0/24)", nodes.get(0));
        assertTrue(nodes.get(2).matches("Node ID +IP Address +Status +Storage +Files"), nodes.get(2));
        assertTrue(nodes.get(4).matches("Node_01 +192\\.168\\.1\\.2 +ALIVE +[\\d.]+[KMG]?B / 24\\.00MB +\\d+"), nodes.get(4));
        assertEquals(9, nodes.size());

        Run health = ok("health");
        assertTrue(health.out().startsWith("Health Check Results:\n" + "─".repeat(56) + "\nNode_01              ✓ ALIVE\n"), health.out());
        assertTrue(health.out().endsWith("Total: 5/5 nodes alive\n"), health.out());

        assertTrue(ok("node", "stop", "Node_05").out().startsWith("Node Node_05 is STOPPED"));
        try {
            Run down = ok("health");
            assertTrue(down.out().contains("Node_05              ✗ DEAD"), down.out());
            assertTrue(down.out().contains("Total: 4/5 nodes alive"), down.out());
        } finally {
            ok("node", "start", "Node_05");
        }

        assertTrue(ok("storage").out().lines().anyMatch(l -> l.matches("Total +120\\.00MB .*")));
        assertTrue(ok("topology").out().contains("Node_03         192.168.1.4"));
        assertTrue(ok("stats").out().contains("Packets by type (sent): "));
        assertEquals("Node_04 link: bandwidth unthrottled, delay 0-1 ms, loss 1.00%", ok("link", "Node_04").out().strip());
        assertEquals("Node_04 link: bandwidth unthrottled, delay 0-3 ms, loss 1.00%",
                ok("link", "Node_04", "--delay", "0-3").out().strip(), "what is not given stays");
        assertEquals("Node_04 link: bandwidth unthrottled, delay 0-1 ms, loss 1.00%",
                ok("link", "Node_04", "--bandwidth", "0", "--delay", "0-1", "--loss", "0.01").out().strip());

        JsonArray json = (JsonArray) Api.parse(ok("nodes", "--json").out());
        assertEquals(5, json.size());
        JsonObject healthJson = (JsonObject) Api.parse(ok("--json", "health").out());
        assertEquals(5, healthJson.getInt("alive"));
    }

    @Test
    void errorsAreOneLineWithMeaningfulExitCodes() throws Exception {
        Run notLoggedIn = p2p("ls");
        assertEquals(1, notLoggedIn.status());
        assertEquals("Error: not logged in to " + SERVER + ": run 'login <username>' first\n", notLoggedIn.err());

        assertEquals(2, p2p("download").status(), "usage");
        assertEquals(2, p2p("frobnicate").status(), "usage");

        answer("wrong password");
        Run badLogin = p2p("login", Api.ADMIN);
        assertEquals(1, badLogin.status());
        assertEquals(1, badLogin.err().lines().count(), badLogin.err());
        assertTrue(badLogin.err().startsWith("Error: "), badLogin.err());

        registerAndLogin();
        Path session = config.resolve("session");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session)));
        assertFalse(Files.readString(session).contains(Api.PASSWORD), "only the token is kept");

        Run unknown = p2p("info", "no-such-file");
        assertEquals(1, unknown.status());
        assertEquals("Error: no file with the id or name 'no-such-file'\n", unknown.err());
        Run forbidden = p2p("node", "stop", "Node_01");
        assertEquals(1, forbidden.status());
        assertTrue(forbidden.err().startsWith("Error: ") && forbidden.err().lines().count() == 1, forbidden.err());
        Run refused = p2p("link", "Node_01", "--loss", "0.5");
        assertEquals(1, refused.status(), "only admins change links");

        ok("logout");
        assertFalse(Files.exists(session));
        assertEquals(1, p2p("ls").status());
    }

    @Test
    void theDemoRunsAsTheDemoUserAndAsTheAdmin() {
        Run asDemo = ok("demo", "--sizes", "64KiB,300KiB");
        assertTrue(asDemo.out().contains("P2P Storage demo on " + SERVER + " as demo"), asDemo.out());
        assertTrue(asDemo.out().contains("Skipped: stopping a node needs the admin"), asDemo.out());
        assertTrue(asDemo.out().contains("Demo complete; the demo files were deleted."), asDemo.out());

        loginAsAdmin();
        Run asAdmin = ok("demo", "--sizes", "64KiB,300KiB,1MB");
        String report = asAdmin.out();
        for (String part : List.of("== 1. Creating test files ==", "Created demo_large_1MB.bin (1.00MB)",
                "== 2. Uploading them ==", "32/32 copies", "== 3. How the chunks spread over the nodes ==",
                "demo_large_1MB.bin: 16 chunks × 2 copies -> Node_0", "Total: 5/5 nodes alive", "== 5. A node fails ==",
                "The demo files now:", "Total: 4/5 nodes alive",
                "succeeded from the other copies, byte-identical to the original", "Repair status:", "Chunks at risk:",
                "Started Node_0", "The demo files are healthy again:", "== 6. System report ==",
                "Network: P2P_Storage_Network", "Storage Status:", "Network Statistics", "Demo complete")) {
            assertTrue(report.contains(part), part + " in:\n" + report);
        }
        String stopped = Pattern.compile("Stopped (Node_0\\d)\\.").matcher(report).results().findFirst().orElseThrow().group(1);
        assertTrue(report.lines().anyMatch(l -> l.matches(stopped + " +STOPPED +\\d{4}-\\d\\d-\\d\\d .*")),
                "the repair status shows the stopped node since when it is down:\n" + report);
        int stop = report.indexOf("The demo files now:");
        String rightAfter = report.substring(stop, report.indexOf("Health Check Results:", stop));
        assertTrue(rightAfter.lines().anyMatch(l -> l.matches("\\w{16} demo_.* AVAILABLE +degraded .*")),
                "a file with copies on the stopped node is degraded:\n" + rightAfter);
        String healthyAgain = report.substring(report.indexOf("The demo files are healthy again:"), report.indexOf("== 6."));
        assertEquals(4, healthyAgain.lines().filter(l -> l.matches("\\w{16} demo_.* AVAILABLE +healthy .*")).count(), healthyAgain);
        assertTrue(ok("health").out().endsWith("Total: 5/5 nodes alive\n"), "the stopped node is back");
    }

    @Test
    void withANodeDownInfoShowsTheCopiesLsTheHealthAndRepairTheNode() throws Exception {
        loginAsAdmin();
        Path original = work.resolve("survivor.bin");
        try (InputStream in = new RandomContent(1_000_000, 93).stream(); OutputStream file = Files.newOutputStream(original)) {
            in.transferTo(file);
        }
        Run upload = ok("upload", original.toString());
        assertTrue(upload.out().contains("] 100.0%  32/32 copies  1.91MB/1.91MB"), upload.out());
        String fileId = Pattern.compile("Uploaded survivor.bin \\(976.56KB, 16 chunks × 2 copies\\): (\\w+)")
                .matcher(upload.out()).results().findFirst().orElseThrow().group(1);
        JsonObject details = (JsonObject) Api.parse(ok("--json", "info", fileId).out());
        String lost = details.getJsonArray("chunkMap").getJsonObject(0).getJsonArray("copies").getJsonObject(0).getString("node");
        try {
            Run info = ok("info", fileId);
            assertTrue(info.out().contains("Copies:  2 of every chunk, on distinct nodes"), info.out());
            assertTrue(info.out().lines().anyMatch(l -> l.matches("0 +64\\.00KB +healthy +" + lost + " +STORED .*")), info.out());

            assertTrue(ok("node", "stop", lost).out().startsWith("Node " + lost + " is STOPPED"));
            Run ls = ok("ls");
            assertTrue(ls.out().lines().anyMatch(l -> l.startsWith(fileId) && l.matches(".* AVAILABLE +degraded .*")), ls.out());
            Run degraded = ok("info", fileId);
            assertTrue(degraded.out().contains("Health:  degraded ("), degraded.out());
            assertTrue(degraded.out().lines().anyMatch(l -> l.matches("0 +64\\.00KB +degraded +" + lost + " +OFFLINE .*")),
                    degraded.out());

            Path copy = work.resolve("copy.bin");
            ok("download", fileId, copy.toString());
            assertEquals(sha256(original), sha256(copy), "read from the other copies");

            Run repair = ok("repair");
            assertTrue(repair.out().startsWith("Repair: 2 copies of every chunk; a stopped node's copies are replaced after 0:02"),
                    repair.out());
            String since = "\\d{4}-\\d\\d-\\d\\d \\S+";
            String startsAt = "\\S+ \\((in \\d+:\\d\\d|started)\\)";
            assertTrue(repair.out().lines().anyMatch(l -> l.matches(lost + " +STOPPED +" + since + " +" + startsAt + " +\\d+ .*")),
                    "the stopped node, since when, when its repair starts, copies lost:\n" + repair.out());
            JsonObject status = (JsonObject) Api.parse(ok("--json", "repair").out());
            assertEquals(2, status.getInt("replicas"));

            awaitLine("ls", l -> l.startsWith(fileId) && l.matches(".* AVAILABLE +healthy .*"), "repair after the grace");
            Run repaired = ok("info", fileId);
            assertTrue(repaired.out().contains("Health:  healthy"), repaired.out());
            assertEquals(32, repaired.out().lines()
                            .filter(l -> l.matches("(\\d+ .*| +)Node_0\\d +STORED.*") && !l.contains(lost)).count(),
                    "two stored copies of every chunk on the live nodes:\n" + repaired.out());
            Run started = ok("repair");
            assertTrue(started.out().lines().anyMatch(l -> l.matches(lost + " +STOPPED +" + since + " +\\S+ \\(started\\) .*")),
                    "past the grace, the node's repair has started:\n" + started.out());
        } finally {
            ok("node", "start", lost);
            ok("delete", fileId);
        }
    }

    @Test
    void scrubAndRebuildAreForAdmins() {
        registerAndLogin();
        assertTrue(ok("scrub").out().startsWith("Scrubbing: every copy on every live node re-read at 64.00MB/s"));
        Run refused = p2p("scrub", "start");
        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith("Error: ") && refused.err().lines().count() == 1, refused.err());
        assertEquals(1, p2p("rebuild").status(), "only admins rebuild the catalog");

        ok("logout");
        loginAsAdmin();
        Run started = ok("scrub", "start");
        assertTrue(started.out().startsWith("Started a full scrubbing pass.\nScrubbing: "), started.out());
        Run rebuilt = ok("rebuild");
        assertTrue(rebuilt.out().startsWith("Catalog reconciled with the nodes' manifests at 20"), rebuilt.out());
        assertTrue(rebuilt.out().lines().anyMatch(l -> l.matches("Files recovered: +\\d+ \\(files on the nodes the catalog lacked\\)")),
                rebuilt.out());
        JsonObject json = (JsonObject) Api.parse(ok("--json", "scrub").out());
        assertTrue(json.getJsonNumber("passes").longValue() >= 0);
    }

    /** Runs the command until a line of its output matches (at most 60 s), as a user would look again. */
    private void awaitLine(String command, Predicate<String> line, String what) throws InterruptedException {
        Run run = null;
        for (int i = 0; i < 120; i++) {
            run = ok(command);
            if (run.out().lines().anyMatch(line)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("never happened: " + what + "; last '" + command + "':\n" + run.out());
    }

    /** The shell in a real pseudo-terminal (util-linux script): the prompt, a command, exit. */
    @Test
    void theShellWorksInARealTerminal() throws Exception {
        loginAsAdmin();
        String jar = System.getProperty("p2p.cli.jar");
        assertTrue(Files.isRegularFile(Path.of(jar)), "the runnable jar " + jar);
        String command = "java -jar " + jar + " --server " + SERVER + " --config-dir " + config;
        ProcessBuilder terminal = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        terminal.environment().put("TERM", "xterm");
        Process shell = terminal.start();
        StringBuffer screen = new StringBuffer();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = shell.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                screen.append("[read failed: ").append(e).append(']');
            }
        });
        reader.start();
        try (OutputStream keys = shell.getOutputStream()) {
            awaitText(screen, "P2P-Storage > ", 1);
            keys.write("health\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            awaitText(screen, "Total: 5/5 nodes alive", 1);
            awaitText(screen, "P2P-Storage > ", 2);
            keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertTrue(shell.waitFor(30, TimeUnit.SECONDS), "the shell ends on exit:\n" + screen);
        } finally {
            shell.destroyForcibly();
        }
        reader.join(5000);
        assertEquals(0, shell.exitValue(), screen.toString());
        String text = screen.toString();
        assertTrue(text.contains("Health Check Results:"), text);
        assertTrue(text.contains("Bye."), text);
    }

    private static void awaitText(StringBuffer screen, String text, int occurrences) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(screen.toString(), text) < occurrences) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' (x" + occurrences + ") on the terminal:\n" + screen);
            }
            Thread.sleep(50);
        }
    }

    private static int count(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    static String totp(byte[] key, long step) {
        try {
            return TwoFactorIT.totp(key, step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
