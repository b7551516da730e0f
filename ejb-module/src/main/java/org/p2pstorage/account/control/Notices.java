package org.p2pstorage.account.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.p2pstorage.mail.entity.Mail;

/** The words of the e-mails an account receives: the new-sign-in alert, the password change, the one-time code. */
public final class Notices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Notices() {
    }

    /** The alert of a new sign-in, with a link to the portal's session list ({@code portal}: where users open it). */
    public static Mail newSession(String email, String username, Instant at, String ip, String agent, String portal) {
        return new Mail(email, "New sign-in to your p2p-storage account",
                "Hello " + username + ",\n\n"
                        + "your account was just signed in to.\n\n"
                        + "  Time:    " + TIME.format(at) + "\n"
                        + "  Address: " + ip + "\n"
                        + "  Device:  " + (agent == null || agent.isBlank() ? "unknown" : agent) + "\n\n"
                        + "If this was you, there is nothing to do. If not, change your password and end the\n"
                        + "session in your account's session list:\n\n"
                        + "  " + portal.replaceAll("/+$", "") + "/account/security.xhtml\n");
    }

    public static Mail passwordChanged(String email, String username, Instant at) {
        return new Mail(email, "Your p2p-storage password was changed",
                "Hello " + username + ",\n\n"
                        + "the password of your account was changed at " + TIME.format(at) + ".\n"
                        + "Every other session was ended. If this was not you, contact your administrator.\n");
    }

    public static Mail code(String email, String username, String code, Duration validity, String purpose) {
        return new Mail(email, "Your p2p-storage code: " + code,
                "Hello " + username + ",\n\n"
                        + "your one-time code " + purpose + " is\n\n"
                        + "    " + code + "\n\n"
                        + "It is valid for " + validity.toMinutes() + " minutes and can be used once.\n"
                        + "If you did not ask for it, someone knows your password: change it.\n");
    }
}
