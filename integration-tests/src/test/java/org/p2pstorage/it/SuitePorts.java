package org.p2pstorage.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Derives the suite's SMTP port (GreenMail, started by MailIT) from the suite's port offset before
 * arquillian.xml is read, so that two builds with different offsets never share it: 3025 + offset,
 * unless {@code it.suite.smtp} is given.
 */
public class SuitePorts implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("it.suite.smtp") == null) {
            System.setProperty("it.suite.smtp", String.valueOf(3025 + Integer.getInteger("it.suite.offset", 100)));
        }
    }

    public static int smtp() {
        return Integer.getInteger("it.suite.smtp", 3025 + Integer.getInteger("it.suite.offset", 100));
    }
}
