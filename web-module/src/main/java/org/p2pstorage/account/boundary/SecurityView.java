package org.p2pstorage.account.boundary;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.p2pstorage.account.entity.AccountView;
import org.p2pstorage.account.entity.BackupCodes;
import org.p2pstorage.account.entity.OtpRequest;
import org.p2pstorage.account.entity.OtpSetup;
import org.p2pstorage.account.entity.PasswordChange;
import org.p2pstorage.account.entity.SessionView;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Account security: two-step verification (an authenticator app with its QR code, or e-mailed codes),
 * backup codes shown once and regenerable, the password, and the account's sessions with revoke.
 * Calls {@link Accounts} as {@code /api/auth/*} does; the backup codes live only in this view.
 */
@Named
@ViewScoped
public class SecurityView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Accounts accounts;

    @Inject
    Client client;

    @Inject
    transient Validator validator;

    private AccountView account;
    private List<SessionView> sessions = List.of();
    private OtpSetup setup;
    private List<String> backupCodes;
    private String code;
    private String password;
    private String newPassword;

    @PostConstruct
    public void refresh() {
        account = accounts.me(client.username());
        sessions = accounts.sessions(client.username(), client.sessionId());
    }

    public void enableApp() {
        setup = FacesFailures.attempt(() -> accounts.enableOtp(client.username(), new OtpRequest("app", null, null)));
        backupCodes = null;
    }

    public void enableEmail() {
        setup = FacesFailures.attempt(() -> accounts.enableOtp(client.username(), new OtpRequest("email", null, null)));
        backupCodes = null;
        if (setup != null) {
            FacesFailures.info("a code was sent to " + setup.codeSentTo());
        }
    }

    public void confirm() {
        OtpRequest request = new OtpRequest(null, code, null);
        BackupCodes codes = FacesFailures.attempt(() -> accounts.confirmOtp(client.username(), request));
        code = null;
        if (codes != null) {
            backupCodes = codes.backupCodes();
            setup = null;
            FacesFailures.info("two-step verification is on");
            refresh();
        }
    }

    public void cancelSetup() {
        setup = null;
        code = null;
    }

    public void disable() {
        OtpRequest request = new OtpRequest(null, code, password);
        Boolean off = FacesFailures.attempt(() -> accounts.disableOtp(client.username(), request));
        code = null;
        if (Boolean.TRUE.equals(off)) {
            password = null;
            backupCodes = null;
            FacesFailures.info("two-step verification is off");
        } else if (Boolean.FALSE.equals(off)) {
            FacesFailures.info("a code was e-mailed to you: enter it with your password to turn two-step verification off");
        }
        refresh();
    }

    public void regenerate() {
        BackupCodes codes = FacesFailures.attempt(() -> accounts.regenerateBackupCodes(client.username(),
                new OtpRequest(null, code, password)));
        code = null;
        password = null;
        if (codes != null) {
            backupCodes = codes.backupCodes();
            FacesFailures.info("new backup codes: the old ones no longer work");
        }
        refresh();
    }

    public void changePassword() {
        PasswordChange change = new PasswordChange(password, newPassword);
        Set<ConstraintViolation<PasswordChange>> violations = validator.validate(change);
        if (!violations.isEmpty()) {
            FacesFailures.error(violations.iterator().next().getMessage().replace("newPassword", "the new password"));
            return;
        }
        Integer ended = FacesFailures.attempt(() -> accounts.changePassword(client.username(), client.sessionId(), change));
        password = null;
        newPassword = null;
        if (ended != null) {
            FacesFailures.info("password changed; " + ended + " other sessions ended");
        }
        refresh();
    }

    public void revoke(String sessionId) {
        if (FacesFailures.perform(() -> accounts.revoke(client.username(), sessionId))) {
            FacesFailures.info("session ended");
        }
        refresh();
    }

    public void revokeOthers() {
        Integer ended = FacesFailures.attempt(() -> accounts.revokeOthers(client.username(), client.sessionId()));
        if (ended != null) {
            FacesFailures.info(ended + " other sessions ended");
        }
        refresh();
    }

    /** Whether the second factor being set up is an authenticator app (with a QR code), not e-mail. */
    public boolean isAppSetup() {
        return setup != null && setup.qrCode() != null;
    }

    public boolean isSecondFactorOn() {
        return account != null && !"NONE".equals(account.secondFactor());
    }

    public AccountView getAccount() {
        return account;
    }

    public List<SessionView> getSessions() {
        return sessions;
    }

    public OtpSetup getSetup() {
        return setup;
    }

    /** The backup codes as a text file to keep ("p2p-storage-backup-codes.txt"), only while they are shown. */
    public StreamedContent getCodesFile() {
        if (backupCodes == null) {
            return null;
        }
        byte[] text = ("p2p Drive backup codes for " + client.username() + "\nEach code works once.\n\n"
                + String.join("\n", backupCodes) + "\n").getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("p2p-storage-backup-codes.txt")
                .contentType("text/plain; charset=UTF-8").contentLength((long) text.length)
                .stream(() -> new ByteArrayInputStream(text)).build();
    }

    public List<String> getBackupCodes() {
        return backupCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
