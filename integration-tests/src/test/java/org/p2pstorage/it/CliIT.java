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
        assertTrue(upload.out().contains("] 100.0%  763/763 chunks  47.68MB/47.68MB"), upload.out());
        Matcher uploaded = Pattern.compile("Uploaded fifty.bin \\(47.68MB, 763 chunks\\): (\\w+)").matcher(upload.out());
        assertTrue(uploaded.find(), upload.out());
        String fileId = uploaded.group(1);

        Run ls = ok("ls");
        assertTrue(ls.out().lines().anyMatch(l -> l.startsWith(fileId) && l.contains("fifty.bin") && l.contains("AVAILABLE")), ls.out());

        Run info = ok("info", fileId);
        assertTrue(info.out().contains("Status:  AVAILABLE, 763/763 chunks acknowledged"), info.out());
        assertTrue(info.out().lines().anyMatch(l -> l.matches("762 +\\d+\\.\\d+KB +Node_0\\d +STORED.*")), info.out());

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
        assertTrue(nodes.get(4).matches("Node_01 +192\\.168\\.1\\.2 +ALIVE +[\\d.]+[KMG]?B / 16\\.00MB +\\d+"), nodes.get(4));
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

        assertTrue(ok("storage").out().lines().anyMatch(l -> l.matches("Total +80\\.00MB .*")));
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
                "== 2. Uploading them ==", "16/16 chunks", "== 3. How the chunks spread over the nodes ==",
                "demo_large_1MB.bin: 16 chunks -> Node_0", "Total: 5/5 nodes alive", "== 5. A node fails ==",
                "Total: 4/5 nodes alive", "refused, chunk", "Started Node_0", "== 6. System report ==",
                "Network: P2P_Storage_Network", "Storage Status:", "Network Statistics", "Demo complete")) {
            assertTrue(report.contains(part), part + " in:\n" + report);
        }
        assertTrue(ok("health").out().endsWith("Total: 5/5 nodes alive\n"), "the stopped node is back");
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
