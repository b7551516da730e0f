package org.p2pstorage.remote.control;

/**
 * The gRPC and SSH servers are not WildFly socket bindings, so they do not move with the server's port
 * offset by themselves: this applies the same {@code jboss.socket.binding.port-offset} to their ports,
 * so that two servers on one machine (the test suite's, a developer's) never collide.
 */
public final class PortOffset {

    private PortOffset() {
    }

    /** The configured port moved by the server's port offset. */
    public static int apply(int configured) {
        return apply(configured, System.getProperty("jboss.socket.binding.port-offset"));
    }

    static int apply(int configured, String offset) {
        int shift = offset == null || offset.isBlank() ? 0 : Integer.parseInt(offset.trim());
        int port = configured + shift;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + configured + " moved by the offset " + shift
                    + " is " + port + ", outside 1-65535");
        }
        return port;
    }
}
