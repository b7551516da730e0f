package org.p2pstorage.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.ClientCalls;

/**
 * What a generic client learns from a server's reflection service, and nothing else: the names of the
 * services, and each service's descriptor built from the file descriptors the server sends (its imports
 * asked by file name when they were not sent along). {@link ReflectionClient} calls the methods with it.
 */
final class ServerReflection {

    /**
     * The two names the reflection service goes by. Their messages are the same field for field (grpc-java's
     * own v1alpha service is its v1 under the old name), so one set of message classes asks both.
     */
    enum Version {
        V1("grpc.reflection.v1.ServerReflection"),
        V1ALPHA("grpc.reflection.v1alpha.ServerReflection");

        final String service;

        Version(String service) {
            this.service = service;
        }

        MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> method() {
            return ServerReflectionGrpc.getServerReflectionInfoMethod().toBuilder()
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(service, "ServerReflectionInfo"))
                    .build();
        }
    }

    private static final long DEADLINE_SECONDS = 30;

    private final Channel channel;
    private final Version version;
    private final Map<String, FileDescriptor> files = new HashMap<>();

    ServerReflection(Channel channel, Version version) {
        this.channel = channel;
        this.version = version;
    }

    /** The full names of the services the server offers. */
    List<String> services() {
        return ask(ServerReflectionRequest.newBuilder().setListServices("*").build())
                .getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList();
    }

    /** The service's descriptor, from the files reflection sends for its name. */
    Descriptors.ServiceDescriptor service(String name) {
        Map<String, FileDescriptorProto> sent = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (FileDescriptorProto proto : fileDescriptors(ServerReflectionRequest.newBuilder().setFileContainingSymbol(name).build())) {
            sent.putIfAbsent(proto.getName(), proto);
            names.add(proto.getName());
        }
        for (String file : names) {
            for (Descriptors.ServiceDescriptor service : file(file, sent).getServices()) {
                if (service.getFullName().equals(name)) {
                    return service;
                }
            }
        }
        throw new IllegalArgumentException("reflection sent no service " + name + " (files " + names + ")");
    }

    /** The file built, its imports first: from what reflection already sent, else asked by file name. */
    private FileDescriptor file(String name, Map<String, FileDescriptorProto> sent) {
        FileDescriptor built = files.get(name);
        if (built != null) {
            return built;
        }
        if (!sent.containsKey(name)) {
            fileDescriptors(ServerReflectionRequest.newBuilder().setFileByFilename(name).build())
                    .forEach(more -> sent.putIfAbsent(more.getName(), more));
        }
        FileDescriptorProto proto = sent.get(name);
        List<FileDescriptor> imports = new ArrayList<>();
        for (String imported : proto.getDependencyList()) {
            imports.add(file(imported, sent));
        }
        try {
            built = FileDescriptor.buildFrom(proto, imports.toArray(FileDescriptor[]::new));
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException("reflection sent an invalid " + name + ": " + e.getMessage(), e);
        }
        files.put(name, built);
        return built;
    }

    private List<FileDescriptorProto> fileDescriptors(ServerReflectionRequest request) {
        List<FileDescriptorProto> protos = new ArrayList<>();
        for (ByteString bytes : ask(request).getFileDescriptorResponse().getFileDescriptorProtoList()) {
            try {
                protos.add(FileDescriptorProto.parseFrom(bytes));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("reflection sent a file descriptor that does not parse", e);
            }
        }
        return protos;
    }

    /** One question, on a reflection stream of its own; an error answer is thrown as its status. */
    private ServerReflectionResponse ask(ServerReflectionRequest request) {
        List<ServerReflectionResponse> answers = BlockingExchange.exchange(ClientCalls.blockingBidiStreamingCall(
                channel, version.method(), CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)),
                List.of(request));
        if (answers.size() != 1) {
            throw new IllegalStateException("reflection answered one question with " + answers.size() + " messages");
        }
        ServerReflectionResponse response = answers.get(0);
        if (response.hasErrorResponse()) {
            throw Status.fromCodeValue(response.getErrorResponse().getErrorCode())
                    .withDescription(response.getErrorResponse().getErrorMessage()).asRuntimeException();
        }
        return response;
    }
}
