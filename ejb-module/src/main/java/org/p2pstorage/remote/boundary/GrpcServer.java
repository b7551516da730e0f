package org.p2pstorage.remote.boundary;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.boundary.Accounts;
import org.p2pstorage.catalog.boundary.Downloads;
import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.boundary.Folders;
import org.p2pstorage.catalog.boundary.Uploads;
import org.p2pstorage.grpc.v1.FileTransferServiceGrpc;
import org.p2pstorage.network.boundary.HealthBroadcast;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.remote.control.BearerInterceptor;
import org.p2pstorage.remote.control.PortOffset;

/**
 * Serves p2p_service.proto from inside the application, on {@code P2P_GRPC_PORT} (9090) moved by the
 * server's port offset: started when the application is deployed and stopped when it is undeployed, so
 * that gRPC and REST are always the same system. Every thread (Netty's event loops, the call and transfer
 * workers) comes from the container's managed thread factory. Server reflection is on, for grpcurl and
 * Postman, in both versions clients ask for: {@code grpc.reflection.v1} and the older
 * {@code grpc.reflection.v1alpha} that older grpcurl releases and several GUI clients know only. The two
 * services need a session token ({@link BearerInterceptor}), except Login; reflection needs none.
 */
@Singleton
@Startup
@DependsOn("HostedNodes")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GrpcServer {

    private static final Logger LOG = Logger.getLogger(GrpcServer.class.getName());
    /** The largest message a client may send: a data message of an upload (64 KiB is what clients send). */
    private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    Accounts accounts;
    @EJB
    Uploads uploads;
    @EJB
    Downloads downloads;
    @EJB
    Files files;
    @EJB
    Folders folders;

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
    @ConfigProperty(name = "p2p.grpc.port", defaultValue = "9090")
    int configuredPort;

    @Inject
    @ConfigProperty(name = "p2p.upload.wait.seconds", defaultValue = "600")
    long uploadWaitSeconds;

    private Server server;
    private ExecutorService workers;
    private EventLoopGroup boss;
    private EventLoopGroup loops;

    @PostConstruct
    void start() {
        int port = PortOffset.apply(configuredPort);
        RemoteBoundaries boundaries = new RemoteBoundaries(accounts, uploads, downloads, files, folders, networkState, healthBroadcast, links,
                segments, admin);
        workers = Executors.newCachedThreadPool(threads);
        boss = new NioEventLoopGroup(1, threads);
        loops = new NioEventLoopGroup(2, threads);
        BearerInterceptor bearer = new BearerInterceptor(accounts::authenticate,
                Set.of(FileTransferServiceGrpc.getLoginMethod().getFullMethodName()));
        server = NettyServerBuilder.forAddress(new InetSocketAddress(port))
                .channelType(NioServerSocketChannel.class)
                .bossEventLoopGroup(boss)
                .workerEventLoopGroup(loops)
                .executor(workers)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(ServerInterceptors.intercept(new FileStorageEndpoint(boundaries), bearer))
                .addService(ServerInterceptors.intercept(
                        new FileTransferEndpoint(boundaries, workers, Duration.ofSeconds(uploadWaitSeconds), scheduler), bearer))
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(olderReflection())
                .build();
        try {
            server.start();
            LOG.log(Level.INFO, "gRPC server listening on port {0} (FileStorageService, FileTransferService, reflection v1 and v1alpha)",
                    String.valueOf(port));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "the gRPC server cannot listen on port {0}: {1}; set P2P_GRPC_PORT to a free port",
                    new Object[]{String.valueOf(port), e.getMessage()});
            stop();
        }
    }

    /**
     * {@code grpc.reflection.v1alpha.ServerReflection}: grpc-java deprecates it in favour of v1, but in 1.83
     * it is still there, a thin adapter that answers v1alpha requests with the v1 service. grpcurl before
     * 1.8.8, Postman and k6 ask only v1alpha.
     */
    @SuppressWarnings("deprecation")
    private static BindableService olderReflection() {
        return ProtoReflectionService.newInstance();
    }

    /** The port it listens on, or -1 when it could not start. */
    public int port() {
        return server != null && !server.isTerminated() && !server.getListenSockets().isEmpty()
                ? ((InetSocketAddress) server.getListenSockets().get(0)).getPort() : -1;
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.shutdown();
            try {
                if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.shutdownNow();
            }
        }
        workers.shutdownNow();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        LOG.log(Level.INFO, "gRPC server stopped");
    }
}
