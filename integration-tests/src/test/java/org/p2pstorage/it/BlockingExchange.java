package org.p2pstorage.it;

import java.util.ArrayList;
import java.util.List;

import io.grpc.StatusException;
import io.grpc.stub.BlockingClientCall;

/**
 * A streaming gRPC call done the way a command-line client does it: every request written (as flow control
 * lets), the stream half-closed, every answer read; a failed call thrown as its status. Both the reflection
 * questions and the reflected methods' streaming calls go this way.
 */
final class BlockingExchange {

    private BlockingExchange() {
    }

    static <Q, A> List<A> exchange(BlockingClientCall<Q, A> call, List<Q> requests) {
        List<A> answers = new ArrayList<>();
        try {
            for (Q request : requests) {
                if (!call.write(request)) {
                    break;
                }
            }
            call.halfClose();
            while (call.hasNext()) {
                answers.add(call.read());
            }
            return answers;
        } catch (StatusException e) {
            throw e.getStatus().asRuntimeException(e.getTrailers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel("interrupted", e);
            throw new IllegalStateException(e);
        }
    }
}
