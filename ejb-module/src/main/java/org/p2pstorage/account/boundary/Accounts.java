package org.p2pstorage.account.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.control.Notices;
import org.p2pstorage.account.control.Passwords;
import org.p2pstorage.account.control.QrCodes;
import org.p2pstorage.account.control.Secrets;
import org.p2pstorage.account.control.Throttle;
import org.p2pstorage.account.control.TotpGenerator;
import org.p2pstorage.account.entity.AccountView;
import org.p2pstorage.account.entity.BackupCode;
import org.p2pstorage.account.entity.BackupCodes;
import org.p2pstorage.account.entity.Caller;
import org.p2pstorage.account.entity.Credentials;
import org.p2pstorage.account.entity.LoginChallenge;
import org.p2pstorage.account.entity.LoginResult;
import org.p2pstorage.account.entity.LoginSession;
import org.p2pstorage.account.entity.MailedCode;
import org.p2pstorage.account.entity.OtpLogin;
import org.p2pstorage.account.entity.OtpRequest;
import org.p2pstorage.account.entity.OtpSetup;
import org.p2pstorage.account.entity.PasswordChange;
import org.p2pstorage.account.entity.Registration;
import org.p2pstorage.account.entity.SecondFactor;
import org.p2pstorage.account.entity.SessionView;
import org.p2pstorage.account.entity.UserAccount;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.mail.control.MailProducer;

/**
 * Accounts and their sessions: register, log in (with a second factor when it is on), authenticate a
 * bearer token, log out, list and revoke sessions, and set up or remove the second factor. Every method
 * is one transaction; callers pass the signed-in user's name explicitly.
 * <p>
 * Nothing secret is logged: no password, token, TOTP secret or code ever reaches a log line.
 */
@Stateless
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(5);
    public static final int BACKUP_CODE_COUNT = 10;
    private static final String WRONG_CREDENTIALS = "wrong username or password";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @EJB
    Throttle throttle;

    @Inject
    MailProducer mails;

    @Inject
    @ConfigProperty(name = "p2p.session.hours", defaultValue = "24")
    long sessionHours;

    @Inject
    @ConfigProperty(name = "p2p.admin")
    Optional<String> configuredAdmin;

    @Inject
    @ConfigProperty(name = "p2p.otp.issuer", defaultValue = "p2p-storage")
    String issuer;

    /**
     * Creates an account (the fields are validated by the caller). The first account is the admin,
     * unless the configuration names the admin.
     */
    public AccountView register(Registration registration) {
        String username = UserAccount.normalized(registration.username());
        String email = UserAccount.normalized(registration.email());
        for (UserAccount taken : em.createNamedQuery(UserAccount.TAKEN, UserAccount.class)
                .setParameter("username", username).setParameter("email", email).getResultList()) {
            throw new Failure(Failure.Kind.CONFLICT, taken.username().equals(username)
                    ? "the username " + username + " is taken" : "an account with this e-mail already exists");
        }
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
        return AccountView.of(account, admin, 0);
    }

    /**
     * Checks the password (an unknown user costs the same time and gets the same answer) and either opens
     * a session or, with a second factor on, answers a challenge. Throttled per account and per address.
     */
    public LoginResult login(Credentials credentials, String ip, String agent) {
        String login = UserAccount.normalized(credentials == null ? null : credentials.username());
        String[] keys = {Throttle.account(login), Throttle.address(ip)};
        admit(keys);
        Optional<UserAccount> found = login.isEmpty() ? Optional.empty()
                : em.createNamedQuery(UserAccount.BY_LOGIN, UserAccount.class).setParameter("login", login)
                .getResultStream().findFirst();
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
            em.persist(new LoginChallenge(Secrets.sha256(challenge), account, CODE_VALIDITY));
            if (account.secondFactor() == SecondFactor.EMAIL) {
                mailCode(account, "to sign in");
            }
            return LoginResult.challenge(challenge, account.secondFactor());
        }
        throttle.succeeded(keys);
        return openSession(account, ip, agent, credentials.lifetimeSeconds());
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
        if (!secondFactor(account, otp.code(), account.otpSecret(), account.secondFactor(), true)) {
            throttle.failed(Instant.now(), keys);
            LOG.log(Level.INFO, "wrong second factor for {0} from {1}", new Object[]{account.username(), ip});
            throw Failure.unauthorized("wrong or already used code");
        }
        em.remove(challenge);
        throttle.succeeded(keys);
        return openSession(account, ip, agent, null);
    }

    /** The caller a bearer token belongs to, if it names a live session. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<LoginSession> found = em.createNamedQuery(LoginSession.BY_TOKEN, LoginSession.class)
                .setParameter("tokenHash", Secrets.sha256(token)).getResultStream().findFirst();
        Instant now = Instant.now();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LoginSession session = found.get();
        if (session.expired(now)) {
            em.remove(session);
            return Optional.empty();
        }
        session.used(now);
        UserAccount account = session.account();
        return Optional.of(new Caller(account.username(), admin(account), session.id()));
    }

    /** Ends the session of this token. */
    public void logout(String token) {
        em.createNamedQuery(LoginSession.BY_TOKEN, LoginSession.class)
                .setParameter("tokenHash", Secrets.sha256(token == null ? "" : token))
                .getResultStream().findFirst().ifPresent(em::remove);
    }

    /**
     * Replaces the password (the current one is needed) and ends every other session, since whoever
     * knew the old password may hold one. Returns how many sessions ended.
     */
    public int changePassword(String username, String currentSessionId, PasswordChange change) {
        UserAccount account = lockedAccount(username);
        requirePassword(account, change.password());
        account.changePasswordHash(passwords.hash(change.newPassword()));
        mails.send(Notices.passwordChanged(account.email(), account.username(), Instant.now()));
        LOG.log(Level.INFO, "account {0} changed its password", username);
        return revokeOthers(username, currentSessionId);
    }

    public AccountView me(String username) {
        UserAccount account = account(username);
        return AccountView.of(account, admin(account), backupCodes(account).size());
    }

    public List<SessionView> sessions(String username, String currentSessionId) {
        Instant now = Instant.now();
        return sessionsOf(account(username)).stream().filter(s -> !s.expired(now))
                .map(s -> SessionView.of(s, currentSessionId)).toList();
    }

    /** Ends one of the user's sessions; another user's session id is unknown (404), as it would be. */
    public void revoke(String username, String sessionId) {
        LoginSession session = sessionId == null ? null : em.find(LoginSession.class, sessionId);
        if (session == null || !session.account().username().equals(username)) {
            throw Failure.notFound("no session with id " + sessionId);
        }
        em.remove(session);
    }

    /** Ends every session of the user but the current one; returns how many ended. */
    public int revokeOthers(String username, String currentSessionId) {
        int ended = 0;
        for (LoginSession session : sessionsOf(account(username))) {
            if (!session.id().equals(currentSessionId)) {
                em.remove(session);
                ended++;
            }
        }
        return ended;
    }

    public void requireAdmin(String username) {
        if (username == null || !admin(account(username))) {
            throw Failure.forbidden("only an admin may do this");
        }
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
        switch (method) {
            case "app" -> {
                String secret = TotpGenerator.base32(Secrets.bytes(20));
                account.beginSecondFactor(SecondFactor.APP, secret);
                String label = encode(issuer) + ":" + encode(account.username());
                String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                        + "&algorithm=SHA1&digits=" + TotpGenerator.DIGITS + "&period=" + TotpGenerator.STEP_SECONDS;
                return new OtpSetup(SecondFactor.APP.name(), secret, uri, QrCodes.pngDataUri(uri), null);
            }
            case "email" -> {
                account.beginSecondFactor(SecondFactor.EMAIL, null);
                mailCode(account, "to turn on two-factor sign-in");
                return new OtpSetup(SecondFactor.EMAIL.name(), null, null, null, account.email());
            }
            default -> throw Failure.invalid("method must be \"app\" or \"email\"");
        }
    }

    /** Activates the pending second factor with one valid code, and answers the first backup codes. */
    public BackupCodes confirmOtp(String username, OtpRequest request) {
        UserAccount account = lockedAccount(username);
        if (account.pendingFactor() == null) {
            throw new Failure(Failure.Kind.CONFLICT, "no second factor is being set up; call enable-otp first");
        }
        String[] keys = {Throttle.account(username)};
        admit(keys);
        String code = request == null ? null : request.code();
        if (!secondFactor(account, code, account.pendingSecret(), account.pendingFactor(), false)) {
            throttle.failed(Instant.now(), keys);
            throw Failure.invalid("wrong or already used code");
        }
        account.confirmPending();
        LOG.log(Level.INFO, "account {0} turned on two-factor sign-in ({1})",
                new Object[]{username, account.secondFactor()});
        return newBackupCodes(account);
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
            mailCode(account, "to turn off two-factor sign-in");
            return false;
        }
        requireCode(account, request);
        account.disableSecondFactor();
        em.createNamedQuery(BackupCode.DELETE_OF_ACCOUNT).setParameter("account", account).executeUpdate();
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
        requireCode(account, request);
        return newBackupCodes(account);
    }

    private void requirePassword(UserAccount account, String password) {
        String[] keys = {Throttle.account(account.username())};
        admit(keys);
        if (!passwords.verify(password, account.passwordHash())) {
            throttle.failed(Instant.now(), keys);
            throw Failure.forbidden("wrong password");
        }
    }

    private void requireCode(UserAccount account, OtpRequest request) {
        String[] keys = {Throttle.account(account.username())};
        if (!secondFactor(account, request.code(), account.otpSecret(), account.secondFactor(), true)) {
            throttle.failed(Instant.now(), keys);
            throw Failure.forbidden("wrong or already used code");
        }
    }

    /**
     * Checks a code against a factor: a TOTP code (each time step once), an e-mailed code (once, within
     * its validity) or, when allowed, one of the backup codes (each once).
     */
    private boolean secondFactor(UserAccount account, String code, String secret, SecondFactor factor, boolean backup) {
        String given = code == null ? "" : code.strip().toLowerCase();
        if (backup && given.matches("[a-z2-9]{5}-[a-z2-9]{5}")) {
            for (BackupCode stored : backupCodes(account)) {
                if (Secrets.same(Secrets.salted(stored.salt(), given), stored.codeHash())) {
                    em.remove(stored);
                    LOG.log(Level.INFO, "account {0} used a backup code", account.username());
                    return true;
                }
            }
            return false;
        }
        return switch (factor) {
            case APP -> {
                OptionalLong step = TotpGenerator.match(TotpGenerator.fromBase32(secret), given, Instant.now());
                yield step.isPresent() && account.acceptStep(step.getAsLong());
            }
            case EMAIL -> {
                Instant now = Instant.now();
                for (MailedCode mailed : em.createNamedQuery(MailedCode.OF_ACCOUNT, MailedCode.class)
                        .setParameter("account", account).getResultList()) {
                    if (mailed.usable(now) && Secrets.same(Secrets.salted(mailed.salt(), given), mailed.codeHash())) {
                        em.remove(mailed);
                        yield true;
                    }
                }
                yield false;
            }
            case NONE -> false;
        };
    }

    private void mailCode(UserAccount account, String purpose) {
        em.createNamedQuery(MailedCode.DELETE_OF_ACCOUNT).setParameter("account", account).executeUpdate();
        String code = Secrets.sixDigits();
        String salt = Secrets.hexId(16);
        em.persist(new MailedCode(account, salt, Secrets.salted(salt, code), CODE_VALIDITY));
        mails.send(Notices.code(account.email(), account.username(), code, CODE_VALIDITY, purpose));
    }

    private BackupCodes newBackupCodes(UserAccount account) {
        em.createNamedQuery(BackupCode.DELETE_OF_ACCOUNT).setParameter("account", account).executeUpdate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < BACKUP_CODE_COUNT; i++) {
            String code = Secrets.backupCode();
            String salt = Secrets.hexId(16);
            em.persist(new BackupCode(account, salt, Secrets.salted(salt, code)));
            codes.add(code);
        }
        return new BackupCodes(codes);
    }

    private LoginResult openSession(UserAccount account, String ip, String agent, Long lifetimeSeconds) {
        Instant now = Instant.now();
        em.createNamedQuery(LoginSession.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        Duration lifetime = Duration.ofHours(sessionHours);
        if (lifetimeSeconds != null) {
            if (lifetimeSeconds < 1) {
                throw Failure.invalid("lifetimeSeconds must be at least 1");
            }
            lifetime = lifetime.compareTo(Duration.ofSeconds(lifetimeSeconds)) < 0 ? lifetime : Duration.ofSeconds(lifetimeSeconds);
        }
        String token = Secrets.token(32);
        LoginSession session = new LoginSession(Secrets.hexId(16), Secrets.sha256(token), account, lifetime, ip, agent);
        em.persist(session);
        account.loggedIn(ip, now);
        mails.send(Notices.newSession(account.email(), account.username(), now, ip, session.userAgent()));
        LOG.log(Level.INFO, "account {0} signed in from {1} (session {2})",
                new Object[]{account.username(), ip, session.id()});
        return LoginResult.session(token, session);
    }

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

    private List<LoginSession> sessionsOf(UserAccount account) {
        return em.createNamedQuery(LoginSession.OF_ACCOUNT, LoginSession.class).setParameter("account", account)
                .getResultList();
    }

    private List<BackupCode> backupCodes(UserAccount account) {
        return em.createNamedQuery(BackupCode.OF_ACCOUNT, BackupCode.class).setParameter("account", account)
                .getResultList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
