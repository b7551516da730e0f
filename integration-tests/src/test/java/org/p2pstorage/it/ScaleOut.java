package org.p2pstorage.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scale-out topology (one PostgreSQL, one standalone Artemis broker, two WildFly servers each hosting part
 * of the nodes), started and stopped by the very scripts an operator runs, {@code scale-out/start.sh} and
 * {@code scale-out/stop.sh}, so that the tests check them too. Everything lives in a folder of the build, on
 * port offsets of its own ({@code it.scaleout.offset}, 600: server-a on 8680, server-b on 8780, PostgreSQL on
 * 6032, the broker on 62216), clear of the other tests' servers (offsets 100 to 300) and of a topology a
 * developer runs with the script's defaults (400 and 500).
 */
final class ScaleOut implements AutoCloseable {

    /** How long the scripts may take: a cold start boots two servers side by side on two cores. */
    private static final long SCRIPT_SECONDS = 270;

    private final Path folder = Path.of(System.getProperty("it.servers"), "scale-out");
    private final Path scripts = Path.of(System.getProperty("p2p.scale.out.scripts"));
    private final int offset = Integer.getInteger("it.scaleout.offset", 600);
    private final Map<String, String> settings;

    /**
     * Stops the topology when the test JVM ends without {@link #close()} (failsafe's fork timeout ends it with
     * SIGTERM): no server, broker or database outlives the build.
     */
    private final Thread stopAtExit = new Thread(this::stopQuietly, "scale-out-stop");

    /** A topology whose servers also get these settings (P2P_* environment variables). */
    ScaleOut(Map<String, String> settings) {
        this.settings = settings;
    }

    /** Starts everything afresh ({@code --fresh}) with the EAR and server the build made ({@code --no-build}). */
    void start() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        run("start.sh", "--fresh", "--no-build");
    }

    /** Kills server {@code index} at once ({@code kill -9}), as a machine that dies would go. */
    void kill(int index) throws IOException, InterruptedException {
        String pid = Files.readString(folder.resolve("server-" + (char) ('a' + index)).resolve("server.pid")).trim();
        Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("could not kill server " + index + " (pid " + pid + ")");
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(process -> process.onExit().join());
    }

    /** Starts again whatever is not running (a killed server), on the data it left; the others keep running. */
    void rejoin() throws IOException, InterruptedException {
        run("start.sh", "--no-build");
    }

    /** Stops everything the start left running, whether or not it succeeded. */
    @Override
    public void close() throws IOException, InterruptedException {
        run("stop.sh");
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException | IllegalArgumentException alreadyStoppingOrNeverStarted) {
            // The JVM is ending (the hook runs anyway and finds nothing to stop), or start() never ran.
        }
    }

    private void stopQuietly() {
        try {
            run("stop.sh");
        } catch (IOException | InterruptedException | IllegalStateException atExit) {
            // The JVM is ending: stop.sh's own log in the folder says what it could not stop.
        }
    }

    /** A client of server {@code index} (0 is server-a). */
    Api server(int index) {
        return new Api(8080 + offset + 100 * index);
    }

    /** The management interface of server {@code index}, where MicroProfile Health answers. */
    Api management(int index) {
        return new Api(9990 + offset + 100 * index);
    }

    /** The data folder of a server ({@code server-a}, ...): its nodes' disks are under {@code nodes/}. */
    Path data(String server) {
        return folder.resolve(server).resolve("data");
    }

    private void run(String script, String... arguments) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path log = folder.resolve(script.replace(".sh", ".log"));
        ProcessBuilder builder = new ProcessBuilder(command(script, arguments))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("P2P_"));
        environment.putAll(settings);
        environment.put("P2P_SCALE_OUT_DIR", folder.toString());
        environment.put("P2P_SCALE_OUT_OFFSET", String.valueOf(offset));
        environment.put("P2P_SCALE_OUT_WILDFLY", System.getProperty("wildfly.home"));
        environment.put("P2P_SCALE_OUT_EAR", System.getProperty("p2p.ear"));
        environment.put("P2P_SCALE_OUT_ARTEMIS_ZIP", System.getProperty("p2p.artemis.zip"));
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in " + SCRIPT_SECONDS + " s: " + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(script + " failed (" + process.exitValue() + "): " + tail(log));
        }
    }

    private List<String> command(String script, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", scripts.resolve(script).toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
