package org.p2pstorage.account.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.control.Notices;
import org.p2pstorage.account.control.PasswordStrength;
import org.p2pstorage.account.control.Passwords;
import org.p2pstorage.account.control.Quotas;
import org.p2pstorage.account.control.SecondFactors;
import org.p2pstorage.account.control.Secrets;
import org.p2pstorage.account.control.Sessions;
import org.p2pstorage.account.control.Throttle;
import org.p2pstorage.account.entity.AccountView;
import org.p2pstorage.account.entity.AdminRegistered;
import org.p2pstorage.account.entity.BackupCodes;
import org.p2pstorage.account.entity.Caller;
import org.p2pstorage.account.entity.Credentials;
import org.p2pstorage.account.entity.LoginChallenge;
import org.p2pstorage.account.entity.LoginResult;
import org.p2pstorage.account.entity.OtpLogin;
import org.p2pstorage.account.entity.OtpRequest;
import org.p2pstorage.account.entity.OtpSetup;
import org.p2pstorage.account.entity.PasswordChange;
import org.p2pstorage.account.entity.Registration;
import org.p2pstorage.account.entity.SecondFactor;
import org.p2pstorage.account.entity.SessionView;
import org.p2pstorage.account.entity.UserAccount;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.mail.entity.Mail;
import org.p2pstorage.network.boundary.NetworkState;

/**
 * Accounts and their sessions: register, log in (with a second factor when it is on), authenticate a
 * bearer token, log out, list and end sessions, change the password, and set up or remove the second
 * factor. Every method is one transaction; callers pass the signed-in user's name explicitly. Failed
 * passwords and codes are throttled per account (and, for logins, per address) before anything is checked.
 * <p>
 * Nothing secret is logged: no password, token, TOTP secret or code ever reaches a log line.
 */
@Stateless
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());
    private static final String WRONG_CREDENTIALS = "wrong username or password";
    private static final String WRONG_CODE = "wrong or already used code";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @EJB
    Throttle throttle;

    @Inject
    Sessions sessions;

    @Inject
    SecondFactors factors;

    @Inject
    Event<Mail> mails;

    @Inject
    Event<AdminRegistered> adminRegistered;

    @Inject
    Quotas quotas;

    @EJB
    NetworkState networkState;

    @Inject
    PasswordStrength strength;

    @Inject
    @ConfigProperty(name = "p2p.admin")
    Optional<String> configuredAdmin;

    /**
     * Creates an account (the fields are validated by the caller). The first account is the admin, unless
     * the configuration names the admin; the admin also takes over files uploaded before accounts existed.
     */
    public AccountView register(Registration registration) {
        String username = UserAccount.normalized(registration.username());
        String email = UserAccount.normalized(registration.email());
        for (UserAccount taken : em.createNamedQuery(UserAccount.TAKEN, UserAccount.class)
                .setParameter("username", username).setParameter("email", email).getResultList()) {
            throw new Failure(Failure.Kind.CONFLICT, taken.username().equals(username)
                    ? "the username " + username + " is taken" : "an account with this e-mail already exists");
        }
        strength.require(registration.password());
        boolean admin = configuredAdmin.map(UserAccount::normalized).map(username::equals)
                .orElseGet(() -> em.createNamedQuery(UserAccount.COUNT, Long.class).getSingleResult() == 0);
        UserAccount account = new UserAccount(username, email, passwords.hash(registration.password()), admin);
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            throw new Failure(Failure.Kind.CONFLICT, "the username or e-mail was registered a moment ago", e);
        }
        LOG.log(Level.INFO, "account {0} registered{1}", new Object[]{username, admin ? " as admin" : ""});
        if (admin) {
            adminRegistered.fire(new AdminRegistered(username));
        }
        return AccountView.of(account, admin, 0, quotas.of(account, networkState.capacity()));
    }

    /** When the account with this name was registered; empty when there is none. */
    public Optional<java.time.Instant> registeredAt(String username) {
        return em.createNamedQuery(UserAccount.BY_NAME, UserAccount.class).setParameter("username", username)
                .getResultStream().findFirst().map(UserAccount::createdAt);
    }

    /** The admin's account name, when the admin has an account. */
    public Optional<String> adminName() {
        return em.createQuery("SELECT a FROM UserAccount a WHERE a.admin = true ORDER BY a.createdAt", UserAccount.class)
                .setMaxResults(1).getResultStream().findFirst().map(UserAccount::username);
    }

    /**
     * Checks the password (an unknown user costs the same time and gets the same answer) and either opens
     * a session or, with a second factor on, answers a challenge for {@link #completeLogin}.
     */
    public LoginResult login(Credentials credentials, String ip, String agent) {
        String login = UserAccount.normalized(credentials == null ? null : credentials.username());
        Optional<UserAccount> found = login.isEmpty() ? Optional.empty()
                : em.createNamedQuery(UserAccount.BY_LOGIN, UserAccount.class).setParameter("login", login)
                .getResultStream().findFirst();
        // one account, whether it is named by its username or its e-mail
        String[] keys = {Throttle.account(found.map(UserAccount::username).orElse(login)), Throttle.address(ip)};
        admit(keys);
        String password = credentials == null ? null : credentials.password();
        boolean valid = found.map(account -> passwords.verify(password, account.passwordHash()))
                .orElseGet(() -> passwords.verifyNobody(password));
        if (!valid) {
            throttle.failed(Instant.now(), keys);
            LOG.log(Level.INFO, "failed login from {0}", ip);
            throw Failure.unauthorized(WRONG_CREDENTIALS);
        }
        UserAccount account = found.orElseThrow();
        if (account.hasSecondFactor()) {
            String challenge = Secrets.token(32);
            em.createNamedQuery(LoginChallenge.DELETE_EXPIRED).setParameter("now", Instant.now()).executeUpdate();
            em.persist(new LoginChallenge(Secrets.sha256(challenge), account, SecondFactors.CODE_VALIDITY));
            if (account.secondFactor() == SecondFactor.EMAIL) {
                factors.mailCode(account, "to sign in");
            }
            return LoginResult.challenge(challenge, account.secondFactor());
        }
        throttle.succeeded(Throttle.account(account.username())); // the address's failures stay counted
        return sessions.open(account, ip, agent, credentials.lifetimeSeconds());
    }

    /** The second step of a login: a TOTP code, an e-mailed code or a backup code for the challenge. */
    public LoginResult completeLogin(OtpLogin otp, String ip, String agent) {
        String challengeHash = Secrets.sha256(otp == null || otp.challenge() == null ? "" : otp.challenge());
        LoginChallenge challenge = em.find(LoginChallenge.class, challengeHash);
        if (challenge == null || !challenge.usable(Instant.now())) {
            throw Failure.unauthorized("the login challenge is unknown or has expired; log in again");
        }
        UserAccount account = em.find(UserAccount.class, challenge.account().id(), LockModeType.PESSIMISTIC_WRITE);
        String[] keys = {Throttle.account(account.username()), Throttle.address(ip)};
        admit(keys);
        if (!factors.verifyActive(account, otp.code())) {
            throttle.failed(Instant.now(), keys);
            LOG.log(Level.INFO, "wrong second factor for {0} from {1}", new Object[]{account.username(), ip});
            throw Failure.unauthorized(WRONG_CODE);
        }
        em.remove(challenge);
        throttle.succeeded(Throttle.account(account.username()));
        return sessions.open(account, ip, agent, null);
    }

    /** The caller a bearer token belongs to, if it names a live session. */
    public Optional<Caller> authenticate(String token) {
        return sessions.live(token).map(session -> new Caller(session.account().username(),
                admin(session.account()), session.id()));
    }

    /** Ends the session of this token. */
    public void logout(String token) {
        sessions.end(token);
    }

    public AccountView me(String username) {
        UserAccount account = account(username);
        return AccountView.of(account, admin(account), factors.backupCodesLeft(account), quotas.of(account, networkState.capacity()));
    }

    public List<SessionView> sessions(String username, String currentSessionId) {
        Instant now = Instant.now();
        return sessions.of(account(username)).stream().filter(s -> !s.expired(now))
                .map(s -> SessionView.of(s, currentSessionId)).toList();
    }

    public void revoke(String username, String sessionId) {
        sessions.end(account(username), sessionId);
    }

    /** Ends every session of the user but the current one; returns how many ended. */
    public int revokeOthers(String username, String currentSessionId) {
        return sessions.endAllBut(account(username), currentSessionId);
    }

    /**
     * Replaces the password (the current one is needed) and ends every other session, since whoever
     * knew the old password may hold one. Returns how many sessions ended.
     */
    public int changePassword(String username, String currentSessionId, PasswordChange change) {
        UserAccount account = lockedAccount(username);
        requirePassword(account, change.password());
        strength.require(change.newPassword());
        account.changePasswordHash(passwords.hash(change.newPassword()));
        mails.fire(Notices.passwordChanged(account.email(), account.username(), Instant.now()));
        LOG.log(Level.INFO, "account {0} changed its password", username);
        return sessions.endAllBut(account, currentSessionId);
    }

    /**
     * Starts setting up a second factor: for "app" a new TOTP secret with its URI and QR code, for
     * "email" a code sent to the account's address. It is active only once {@link #confirmOtp} succeeds.
     */
    public OtpSetup enableOtp(String username, OtpRequest request) {
        UserAccount account = lockedAccount(username);
        if (account.hasSecondFactor()) {
            throw new Failure(Failure.Kind.CONFLICT, "two-factor authentication is already on; disable it first");
        }
        String method = request == null || request.method() == null ? "app" : request.method().strip().toLowerCase();
        return switch (method) {
            case "app" -> factors.beginApp(account);
            case "email" -> factors.beginEmail(account);
            default -> throw Failure.invalid("method must be \"app\" or \"email\"");
        };
    }

    /** Activates the pending second factor with one valid code, and answers the first backup codes. */
    public BackupCodes confirmOtp(String username, OtpRequest request) {
        UserAccount account = lockedAccount(username);
        if (account.pendingFactor() == null) {
            throw new Failure(Failure.Kind.CONFLICT, "no second factor is being set up; call enable-otp first");
        }
        String[] keys = {Throttle.account(username)};
        admit(keys);
        if (!factors.verifyPending(account, request == null ? null : request.code())) {
            throttle.failed(Instant.now(), keys);
            throw Failure.invalid(WRONG_CODE);
        }
        account.confirmPending();
        LOG.log(Level.INFO, "account {0} turned on two-factor sign-in ({1})",
                new Object[]{username, account.secondFactor()});
        return factors.newBackupCodes(account);
    }

    /**
     * Turns the second factor off; needs the password and a valid code (or a backup code). For e-mailed
     * codes, a call with the password and no code e-mails one and answers false; the next call with the
     * code turns it off and answers true.
     */
    public boolean disableOtp(String username, OtpRequest request) {
        UserAccount account = lockedAccount(username);
        if (!account.hasSecondFactor()) {
            throw new Failure(Failure.Kind.CONFLICT, "two-factor authentication is not on");
        }
        requirePassword(account, request == null ? null : request.password());
        if (account.secondFactor() == SecondFactor.EMAIL && (request.code() == null || request.code().isBlank())) {
            factors.mailCode(account, "to turn off two-factor sign-in");
            return false;
        }
        requireCode(account, request.code());
        account.disableSecondFactor();
        factors.dropBackupCodes(account);
        LOG.log(Level.INFO, "account {0} turned off two-factor sign-in", username);
        return true;
    }

    /** Replaces the backup codes with ten new ones; needs the password and a valid code. */
    public BackupCodes regenerateBackupCodes(String username, OtpRequest request) {
        UserAccount account = lockedAccount(username);
        if (!account.hasSecondFactor()) {
            throw new Failure(Failure.Kind.CONFLICT, "two-factor authentication is not on");
        }
        requirePassword(account, request == null ? null : request.password());
        requireCode(account, request.code());
        return factors.newBackupCodes(account);
    }

    private void requirePassword(UserAccount account, String password) {
        String[] keys = {Throttle.account(account.username())};
        admit(keys);
        if (!passwords.verify(password, account.passwordHash())) {
            throttle.failed(Instant.now(), keys);
            throw Failure.forbidden("wrong password");
        }
    }

    private void requireCode(UserAccount account, String code) {
        if (!factors.verifyActive(account, code)) {
            throttle.failed(Instant.now(), Throttle.account(account.username()));
            throw Failure.forbidden(WRONG_CODE);
        }
    }

    /** Refuses at once, with the time left, while the keys are still to wait after earlier failures. */
    private void admit(String... keys) {
        Duration wait = throttle.wait(Instant.now(), keys);
        if (!wait.isZero() && !wait.isNegative()) {
            long seconds = (wait.toMillis() + 999) / 1000;
            throw Failure.tooManyRequests("too many failed attempts; try again in " + seconds + " s", seconds);
        }
    }

    private boolean admin(UserAccount account) {
        return account.admin() || configuredAdmin.map(UserAccount::normalized).map(account.username()::equals).orElse(false);
    }

    private UserAccount account(String username) {
        return em.createNamedQuery(UserAccount.BY_NAME, UserAccount.class).setParameter("username", username)
                .getResultStream().findFirst().orElseThrow(() -> Failure.unauthorized("the account no longer exists"));
    }

    private UserAccount lockedAccount(String username) {
        return em.find(UserAccount.class, account(username).id(), LockModeType.PESSIMISTIC_WRITE);
    }
}
