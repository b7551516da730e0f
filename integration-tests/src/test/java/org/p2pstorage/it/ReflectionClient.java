package org.p2pstorage.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;

/**
 * A gRPC client that knows nothing of p2p_service.proto, as grpcurl: the services and their messages come
 * from server reflection ({@link ServerReflection}), a request is JSON turned into a {@link DynamicMessage},
 * the answers are printed back to JSON (proto3's JSON mapping, defaults included, as
 * {@code grpcurl -emit-defaults}). It uses no generated class of grpc-api, so what it reaches a user reaches
 * with grpcurl, Postman or any other generic client.
 */
final class ReflectionClient implements AutoCloseable {

    private static final long DEADLINE_SECONDS = 120;
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().includingDefaultValueFields();

    private final ManagedChannel channel;
    private final Channel calls;
    private final ServerReflection reflection;

    /**
     * {@code grpcurl -plaintext [-H 'name: value' ...] localhost:<port>}, with reflection asked under the
     * given version; the headers go with every call, reflection's included, as grpcurl's {@code -H}.
     */
    static ReflectionClient plaintext(int port, ServerReflection.Version version, String... headers) {
        return new ReflectionClient(port, version, headers);
    }

    private ReflectionClient(int port, ServerReflection.Version version, String... headers) {
        this.channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        Metadata metadata = new Metadata();
        for (String header : headers) {
            int colon = header.indexOf(':');
            metadata.put(Metadata.Key.of(header.substring(0, colon).trim(), Metadata.ASCII_STRING_MARSHALLER),
                    header.substring(colon + 1).trim());
        }
        this.calls = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(metadata));
        this.reflection = new ServerReflection(calls, version);
    }

    /** {@code grpcurl list}: the full names of the services the server offers. */
    List<String> list() {
        return reflection.services();
    }

    /** {@code grpcurl list <service>}: the full names of its methods, in the order of the .proto file. */
    List<String> list(String service) {
        return reflection.service(service).getMethods().stream().map(Descriptors.MethodDescriptor::getFullName).toList();
    }

    /**
     * {@code grpcurl -d '<request> <request> ...' <service>/<method>}: the requests (JSON; exactly one for a
     * unary or server-streaming method) sent, the answers printed as JSON in the order they came. A gRPC
     * error is thrown as the {@link StatusRuntimeException} grpc-java gives.
     */
    List<JsonObject> call(String fullMethod, String... requests) {
        Descriptors.MethodDescriptor method = method(fullMethod);
        MethodDescriptor<DynamicMessage, DynamicMessage> descriptor = descriptor(method);
        List<DynamicMessage> messages = new ArrayList<>();
        for (String request : requests) {
            messages.add(fromJson(request, method.getInputType()));
        }
        List<DynamicMessage> answers = new ArrayList<>();
        switch (descriptor.getType()) {
            case UNARY -> answers.add(ClientCalls.blockingUnaryCall(calls, descriptor, options(), only(messages)));
            case SERVER_STREAMING -> ClientCalls.blockingServerStreamingCall(calls, descriptor, options(), only(messages))
                    .forEachRemaining(answers::add);
            default -> answers.addAll(exchange(descriptor, messages));
        }
        return answers.stream().map(ReflectionClient::toJson).toList();
    }

    /** {@link #call} of a method with exactly one answer (unary or client streaming). */
    JsonObject callOne(String fullMethod, String... requests) {
        List<JsonObject> answers = call(fullMethod, requests);
        if (answers.size() != 1) {
            throw new IllegalStateException(fullMethod + " answered " + answers.size() + " messages");
        }
        return answers.get(0);
    }

    /** {@code package.Service/Method}, as grpcurl names a method. */
    private Descriptors.MethodDescriptor method(String fullMethod) {
        int slash = fullMethod.lastIndexOf('/');
        Descriptors.ServiceDescriptor service = reflection.service(fullMethod.substring(0, slash));
        Descriptors.MethodDescriptor method = service.findMethodByName(fullMethod.substring(slash + 1));
        if (method == null) {
            throw new IllegalArgumentException("the server's " + service.getFullName() + " has no method " + fullMethod);
        }
        return method;
    }

    /** The call's descriptor, with marshallers of dynamic messages of the method's input and output types. */
    private static MethodDescriptor<DynamicMessage, DynamicMessage> descriptor(Descriptors.MethodDescriptor method) {
        MethodType type = method.isClientStreaming()
                ? (method.isServerStreaming() ? MethodType.BIDI_STREAMING : MethodType.CLIENT_STREAMING)
                : (method.isServerStreaming() ? MethodType.SERVER_STREAMING : MethodType.UNARY);
        return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(method.getService().getFullName(), method.getName()))
                .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
                .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
                .build();
    }

    /** A client- or bidi-streaming call: every request sent (as flow control lets), then every answer read. */
    private List<DynamicMessage> exchange(MethodDescriptor<DynamicMessage, DynamicMessage> descriptor, List<DynamicMessage> messages) {
        return BlockingExchange.exchange(ClientCalls.blockingBidiStreamingCall(calls, descriptor, options()), messages);
    }

    private static DynamicMessage only(List<DynamicMessage> messages) {
        if (messages.size() != 1) {
            throw new IllegalArgumentException("the method takes one request, not " + messages.size());
        }
        return messages.get(0);
    }

    private static DynamicMessage fromJson(String json, Descriptors.Descriptor type) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        try {
            JsonFormat.parser().merge(json, message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a " + type.getFullName() + " in JSON: " + e.getMessage(), e);
        }
        return message.build();
    }

    private static JsonObject toJson(DynamicMessage message) {
        try {
            return (JsonObject) Api.parse(PRINTER.print(message));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CallOptions options() {
        return CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
