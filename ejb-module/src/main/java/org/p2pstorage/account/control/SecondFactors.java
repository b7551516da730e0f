package org.p2pstorage.account.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.entity.BackupCode;
import org.p2pstorage.account.entity.BackupCodes;
import org.p2pstorage.account.entity.MailedCode;
import org.p2pstorage.account.entity.OtpSetup;
import org.p2pstorage.account.entity.SecondFactor;
import org.p2pstorage.account.entity.UserAccount;
import org.p2pstorage.mail.entity.Mail;

/**
 * The second factor's codes: TOTP set-up (secret, URI, QR code), e-mailed codes, backup codes, and the
 * check of a code against an account. Runs in the caller's transaction; the caller holds the account
 * locked, so a code cannot be used twice by two requests at once.
 */
@Stateless
public class SecondFactors {

    public static final Duration CODE_VALIDITY = Duration.ofMinutes(5);
    public static final int BACKUP_CODE_COUNT = 10;
    private static final Logger LOG = Logger.getLogger(SecondFactors.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Mail> mails;

    @Inject
    @ConfigProperty(name = "p2p.otp.issuer", defaultValue = "p2p-storage")
    String issuer;

    /** A new TOTP secret for the account, pending, with what an authenticator app needs to take it. */
    public OtpSetup beginApp(UserAccount account) {
        String secret = TotpGenerator.base32(Secrets.bytes(20));
        account.beginSecondFactor(SecondFactor.APP, secret);
        String label = encode(issuer) + ":" + encode(account.username());
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + TotpGenerator.DIGITS + "&period=" + TotpGenerator.STEP_SECONDS;
        return new OtpSetup(SecondFactor.APP.name(), secret, uri, QrCodes.pngDataUri(uri), null);
    }

    /** E-mailed codes, pending: a first code is sent to confirm them. */
    public OtpSetup beginEmail(UserAccount account) {
        account.beginSecondFactor(SecondFactor.EMAIL, null);
        mailCode(account, "to turn on two-factor sign-in");
        return new OtpSetup(SecondFactor.EMAIL.name(), null, null, null, account.email());
    }

    /** Checks a code against the account's active factor; backup codes count too. */
    public boolean verifyActive(UserAccount account, String code) {
        return verify(account, code, account.otpSecret(), account.secondFactor(), true);
    }

    /** Checks a code against the factor being set up; backup codes do not count. */
    public boolean verifyPending(UserAccount account, String code) {
        return verify(account, code, account.pendingSecret(), account.pendingFactor(), false);
    }

    /**
     * A TOTP code (each time step once), an e-mailed code (once, within its validity) or, when allowed,
     * one of the backup codes (each once).
     */
    private boolean verify(UserAccount account, String code, String secret, SecondFactor factor, boolean backup) {
        String given = code == null ? "" : code.strip().toLowerCase();
        if (backup && given.matches("[a-z2-9]{5}-[a-z2-9]{5}")) {
            for (BackupCode stored : backupCodes(account)) {
                if (stored.matches(given)) {
                    em.remove(stored);
                    LOG.log(Level.INFO, "account {0} used a backup code", account.username());
                    return true;
                }
            }
            return false;
        }
        return switch (factor == null ? SecondFactor.NONE : factor) {
            case APP -> {
                OptionalLong step = TotpGenerator.match(TotpGenerator.fromBase32(secret), given, Instant.now());
                yield step.isPresent() && account.acceptStep(step.getAsLong());
            }
            case EMAIL -> {
                Instant now = Instant.now();
                for (MailedCode mailed : em.createNamedQuery(MailedCode.OF_ACCOUNT, MailedCode.class)
                        .setParameter("account", account).getResultList()) {
                    if (mailed.accepts(given, now)) {
                        em.remove(mailed);
                        yield true;
                    }
                }
                yield false;
            }
            case NONE -> false;
        };
    }

    /** Sends a new six-digit code by e-mail; it replaces any earlier one. */
    public void mailCode(UserAccount account, String purpose) {
        em.createNamedQuery(MailedCode.DELETE_OF_ACCOUNT).setParameter("account", account).executeUpdate();
        String code = Secrets.sixDigits();
        em.persist(new MailedCode(account, code, CODE_VALIDITY));
        mails.fire(Notices.code(account.email(), account.username(), code, CODE_VALIDITY, purpose));
    }

    /** Ten new backup codes, replacing the old ones; only their salted hashes are kept. */
    public BackupCodes newBackupCodes(UserAccount account) {
        dropBackupCodes(account);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < BACKUP_CODE_COUNT; i++) {
            String code = Secrets.backupCode();
            em.persist(new BackupCode(account, code));
            codes.add(code);
        }
        return new BackupCodes(codes);
    }

    public void dropBackupCodes(UserAccount account) {
        em.createNamedQuery(BackupCode.DELETE_OF_ACCOUNT).setParameter("account", account).executeUpdate();
    }

    public int backupCodesLeft(UserAccount account) {
        return backupCodes(account).size();
    }

    private List<BackupCode> backupCodes(UserAccount account) {
        return em.createNamedQuery(BackupCode.OF_ACCOUNT, BackupCode.class).setParameter("account", account)
                .getResultList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
