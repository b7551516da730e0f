package org.p2pstorage.remote.boundary;

import java.io.IOException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.SshThreadPoolExecutor;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.boundary.Accounts;
import org.p2pstorage.account.boundary.SshKeys;
import org.p2pstorage.catalog.boundary.Downloads;
import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.boundary.Folders;
import org.p2pstorage.catalog.boundary.Uploads;
import org.p2pstorage.network.boundary.HealthBroadcast;
import org.p2pstorage.network.boundary.HostedNodes;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.remote.control.BouncyCastleRegistration;
import org.p2pstorage.remote.control.PortOffset;
import org.p2pstorage.remote.control.RemoteCommand;
import org.p2pstorage.remote.control.RemoteShell;
import org.p2pstorage.sftp.boundary.DriveSftp;

/**
 * The SSH server of the seed's SSH handler, inside the application (Apache MINA SSHD), on
 * {@code P2P_SSH_PORT} (2222) moved by the server's port offset: public-key authentication only, against
 * the keys users add through {@code /api/auth/ssh-keys}; the host key is generated once and kept in the
 * data folder ({@code ssh/host-key}), so clients see the same host across restarts. A command runs from
 * a fixed set ({@link RemoteCommands}), alone or at the {@link RemoteShell}'s prompt, never an
 * operating-system shell. Its SFTP subsystem ({@link DriveSftp}) serves the user's drive. Its threads come from the
 * container's managed thread factory.
 */
@Singleton
@Startup
@DependsOn("HostedNodes")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SshService {

    private static final Logger LOG = Logger.getLogger(SshService.class.getName());

    @Resource
    ManagedThreadFactory threads;

    /** Moves SFTP downloads: each chunk handed on when the link model says it has arrived. */
    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    Accounts accounts;
    @EJB
    SshKeys keys;
    @EJB
    Uploads uploads;
    @EJB
    Downloads downloads;
    @EJB
    Files files;
    @EJB
    Folders folders;
    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    @EJB
    HealthBroadcast healthBroadcast;

    @EJB
    Links links;
    @EJB
    Segments segments;

    @EJB
    AdminActions admin;

    @Inject
    @ConfigProperty(name = "p2p.ssh.port", defaultValue = "2222")
    int configuredPort;

    private SshServer server;
    private ExecutorService workers;
    private SshThreadPoolExecutor io;

    @PostConstruct
    void start() {
        BouncyCastleRegistration.forgetStale();
        int port = PortOffset.apply(configuredPort);
        RemoteBoundaries boundaries = new RemoteBoundaries(accounts, uploads, downloads, files, folders, networkState, healthBroadcast, links,
                segments, admin);
        RemoteCommands commands = new RemoteCommands(boundaries);
        workers = Executors.newCachedThreadPool(threads);
        io = new SshThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        server = SshServer.setUpDefaultServer();
        server.setPort(port);
        // an SFTP read is answered when its chunk arrives, from the scheduler: queue the answers a slow client has not
        // taken yet (at most what it may ask at once, ReadChannel.MAX_WAITING reads per file) instead of waiting there
        CoreModuleProperties.BUFFERED_IO_OUTPUT_MAX_PENDING_WRITE_SIZE.set(server, 64 * 1024 * 1024);
        server.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory(() -> ThreadUtils.noClose(io)));
        server.setScheduledExecutorService(Executors.newSingleThreadScheduledExecutor(threads), true);
        server.setKeyPairProvider(hostKey(hostedNodes.dataFolder().resolve("ssh")));
        server.setPublickeyAuthenticator((username, key, session) -> authorized(username, key));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, line) -> new RemoteCommand(line, commands, this::admin, workers));
        server.setShellFactory(channel -> new RemoteShell(commands, this::admin, workers));
        DriveSftp drive = new DriveSftp(boundaries, workers, scheduler, Duration.ofMinutes(30));
        server.setFileSystemFactory(drive);
        server.setSubsystemFactories(List.of(drive.subsystem(threads)));
        try {
            server.start();
            LOG.log(Level.INFO, "SSH server listening on port {0} (public keys from /api/auth/ssh-keys)", String.valueOf(port));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "the SSH server cannot listen on port {0}: {1}; set P2P_SSH_PORT to a free port",
                    new Object[]{String.valueOf(port), e.getMessage()});
        }
    }

    private boolean authorized(String username, java.security.PublicKey key) {
        try {
            return keys.authorized(username, key);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SSH key check for {0} failed: {1}", new Object[]{username, e.getMessage()});
            return false;
        }
    }

    private boolean admin(String username) {
        return "admin".equals(accounts.me(username).role());
    }

    /** The host key: an EC P-256 pair generated on first start into the data folder, owner-only. */
    private static SimpleGeneratorHostKeyProvider hostKey(Path folder) {
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + folder + " for the SSH host key", e);
        }
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(folder.resolve("host-key"));
        provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
        provider.setKeySize(256);
        return provider;
    }

    @PreDestroy
    void stop() {
        try {
            if (server != null) {
                server.stop(true);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the SSH server did not stop cleanly: {0}", e.getMessage());
        }
        workers.shutdownNow();
        io.shutdownNow();
        BouncyCastleRegistration.forgetOurs();
        LOG.log(Level.INFO, "SSH server stopped");
    }

    /** For tests of the wiring: the port it listens on, or -1. */
    public int port() {
        return server != null && server.isStarted() ? server.getPort() : -1;
    }

}
