package org.p2pstorage.account.control;

import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;

import org.p2pstorage.failure.entity.Failure;

/**
 * Refuses passwords that are easy to guess, with nbvcxz (a maintained port of Dropbox's zxcvbn): it
 * estimates how many guesses an attacker who knows common passwords, words, names, keyboard patterns,
 * sequences, repeats and dates would need. The account's own name is not added as a known word: nbvcxz
 * then refuses the CLI demo's "demo-p2p-storage" for the user "demo", which would break the demo.
 * Below {@link #MINIMUM_ENTROPY} bits the password is refused with the estimator's advice, so
 * {@code password123}, {@code 1234567890} and {@code qwertyuiop} are refused, and a few uncommon words
 * pass.
 */
@ApplicationScoped
public class PasswordStrength {

    /** nbvcxz's own default: about 2^35 guesses. */
    static final double MINIMUM_ENTROPY = 35;
    private static final Nbvcxz ESTIMATOR = new Nbvcxz(new ConfigurationBuilder().setMinimumEntropy(MINIMUM_ENTROPY)
            .setLocale(Locale.ENGLISH).createConfiguration());

    /** Refuses a weak password ({@link Failure#invalid}) with a message that says how to make it stronger. */
    public void require(String password) {
        Result result = ESTIMATOR.estimate(password == null ? "" : password);
        if (result.isMinimumEntropyMet()) {
            return;
        }
        java.util.List<String> advice = new java.util.ArrayList<>();
        String warning = result.getFeedback().getWarning();
        if (warning != null && !warning.isBlank()) {
            advice.add(warning.strip());
        }
        advice.addAll(result.getFeedback().getSuggestion());
        String why = advice.stream().map(String::strip).map(s -> s.endsWith(".") ? s : s + ".")
                .collect(Collectors.joining(" "));
        throw Failure.invalid("password is too easy to guess" + (why.isEmpty() ? "." : ": " + why)
                + " A few uncommon words make a strong one.");
    }
}
