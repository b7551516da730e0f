package org.p2pstorage.remote.control;

import java.security.Provider;
import java.security.Security;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Apache MINA SSHD registers Bouncy Castle (which gives it Ed25519) with the JVM's security providers as
 * "BC". That registration is JVM-wide and outlives an undeployment: a redeployed application would then
 * get keys made by the old deployment's classes and fail with a ClassCastException. So at start a "BC"
 * left by an earlier deployment of this application (a class loader of the same name) is removed, and
 * at stop this deployment's own is removed; a BC that anything else registered is left alone.
 */
public final class BouncyCastleRegistration {

    private static final Logger LOG = Logger.getLogger(BouncyCastleRegistration.class.getName());

    private BouncyCastleRegistration() {
    }

    /** Removes a BC provider left by an earlier deployment of this application. */
    public static void forgetStale() {
        Provider registered = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        ClassLoader ours = BouncyCastleProvider.class.getClassLoader();
        if (registered != null && registered.getClass().getClassLoader() != ours
                && ours != null && Objects.equals(ours.getName(), registered.getClass().getClassLoader().getName())) {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
            LOG.log(Level.INFO, "removed the Bouncy Castle provider an earlier deployment left registered");
        }
    }

    /** Removes this deployment's BC provider, if it is the one registered. */
    public static void forgetOurs() {
        Provider registered = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (registered != null && registered.getClass().getClassLoader() == BouncyCastleProvider.class.getClassLoader()) {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
    }
}
