package org.p2pstorage.account.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.p2pstorage.account.entity.Credentials;
import org.p2pstorage.account.entity.LoginResult;
import org.p2pstorage.account.entity.OtpLogin;
import org.p2pstorage.account.entity.Registration;
import org.p2pstorage.failure.boundary.FacesFailures;

/**
 * The sign-in page: register, sign in, and the second step (a TOTP, e-mailed or backup code). A
 * successful sign-in keeps the session token in the HTTP session (under a new session id), where
 * {@link BearerMechanism} finds it for every page; the token never reaches the browser.
 */
@Named
@ViewScoped
public class SignInView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Accounts accounts;

    @Inject
    Client client;

    @Inject
    transient Validator validator;

    private String username;
    private String email;
    private String password;
    private String code;
    private String challenge;
    private String method;
    private boolean registering;
    /** The page the user asked for before signing in (a path of this application only). */
    private String next;

    public void signIn() {
        LoginResult result = FacesFailures.attempt(() -> accounts.login(new Credentials(username, password, null),
                client.ip(), client.agent()));
        password = null;
        if (result != null) {
            proceed(result);
        }
    }

    public void verify() {
        LoginResult result = FacesFailures.attempt(() -> accounts.completeLogin(new OtpLogin(challenge, code),
                client.ip(), client.agent()));
        code = null;
        if (result != null) {
            proceed(result);
        }
    }

    public void register() {
        Registration registration = new Registration(username, email, password);
        Set<ConstraintViolation<Registration>> violations = validator.validate(registration);
        if (!violations.isEmpty()) {
            FacesFailures.error(violations.stream().map(ConstraintViolation::getMessage).sorted()
                    .collect(Collectors.joining("; ")));
            return;
        }
        if (FacesFailures.attempt(() -> accounts.register(registration)) != null) {
            FacesFailures.info("account " + username.strip() + " created; sign in with it");
            registering = false;
            password = null;
        }
    }

    private void proceed(LoginResult result) {
        if (result.otpRequired()) {
            challenge = result.challenge();
            method = result.method();
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(BearerMechanism.SESSION_TOKEN, result.token());
        try {
            external.redirect(external.getRequestContextPath() + PortalGate.landing(next));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the drive", e);
        }
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public void toggleRegistering() {
        registering = !registering;
    }

    public void restart() {
        challenge = null;
        method = null;
        code = null;
    }

    public boolean isSecondStep() {
        return challenge != null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getMethod() {
        return method;
    }

    public boolean isRegistering() {
        return registering;
    }
}
