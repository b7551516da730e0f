package org.p2pstorage.remote.boundary;

import java.util.Map;

import com.google.protobuf.ByteString;

import io.grpc.stub.StreamObserver;

import org.p2pstorage.account.entity.Caller;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.grpc.v1.FileStorageServiceGrpc;
import org.p2pstorage.grpc.v1.HealthCheckRequest;
import org.p2pstorage.grpc.v1.HealthCheckResponse;
import org.p2pstorage.grpc.v1.NetworkTopologyRequest;
import org.p2pstorage.grpc.v1.NetworkTopologyResponse;
import org.p2pstorage.grpc.v1.NodeHealth;
import org.p2pstorage.grpc.v1.Peer;
import org.p2pstorage.grpc.v1.RetrieveSegmentRequest;
import org.p2pstorage.grpc.v1.RetrieveSegmentResponse;
import org.p2pstorage.grpc.v1.StoreSegmentRequest;
import org.p2pstorage.grpc.v1.StoreSegmentResponse;
import org.p2pstorage.integrity.entity.Sha256;
import org.p2pstorage.network.entity.Health;
import org.p2pstorage.network.entity.Topology;
import org.p2pstorage.remote.control.CallerKey;
import org.p2pstorage.remote.control.Calls;

/**
 * The seed's FileStorageService: health and topology exactly as {@code /api/network/health} and
 * {@code /api/network/topology} give them (the same {@code NetworkState} and {@code HealthBroadcast} calls), and the segment calls on a
 * node's chunk files, which only admins may make (PERMISSION_DENIED otherwise, as REST answers 403).
 */
public class FileStorageEndpoint extends FileStorageServiceGrpc.FileStorageServiceImplBase {

    private final RemoteBoundaries boundaries;

    public FileStorageEndpoint(RemoteBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    @Override
    public void storeSegment(StoreSegmentRequest request, StreamObserver<StoreSegmentResponse> responses) {
        Calls.unary(responses, () -> {
            requireAdmin("store a segment on a node");
            String outcome = boundaries.segments().store(request.getNodeId(), request.getFileId(),
                    request.getChunkIndex(), request.getData().toByteArray(), request.getSha256()).name();
            return StoreSegmentResponse.newBuilder().setNodeId(request.getNodeId()).setOutcome(outcome).build();
        });
    }

    @Override
    public void retrieveSegment(RetrieveSegmentRequest request, StreamObserver<RetrieveSegmentResponse> responses) {
        Calls.unary(responses, () -> {
            requireAdmin("read a segment from a node");
            byte[] data = boundaries.segments().retrieve(request.getNodeId(), request.getFileId(), request.getChunkIndex());
            return RetrieveSegmentResponse.newBuilder().setNodeId(request.getNodeId())
                    .setData(ByteString.copyFrom(data)).setSha256(Sha256.of(data)).build();
        });
    }

    @Override
    public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckResponse> responses) {
        Calls.unary(responses, () -> {
            Map<String, Health> health = boundaries.health().run();
            HealthCheckResponse.Builder answer = HealthCheckResponse.newBuilder();
            health.forEach((node, h) -> answer.addNodes(NodeHealth.newBuilder().setNodeId(node).setHealth(h.name())));
            int alive = (int) health.values().stream().filter(h -> h == Health.ALIVE).count();
            return answer.setAlive(alive).setDead(health.size() - alive).setTotal(health.size()).build();
        });
    }

    @Override
    public void getNetworkTopology(NetworkTopologyRequest request, StreamObserver<NetworkTopologyResponse> responses) {
        Calls.unary(responses, () -> {
            Topology topology = boundaries.network().topology();
            NetworkTopologyResponse.Builder answer = NetworkTopologyResponse.newBuilder()
                    .setNetwork(topology.network()).setSubnet(topology.subnet());
            for (Topology.Peer peer : topology.nodes()) {
                answer.addNodes(Peer.newBuilder().setNodeId(peer.id()).setAddress(peer.address())
                        .setState(peer.state()).addAllPeers(peer.peers()));
            }
            return answer.build();
        });
    }

    private static void requireAdmin(String what) {
        Caller caller = CallerKey.current();
        if (!caller.admin()) {
            throw Failure.forbidden("only an admin may " + what);
        }
    }
}
