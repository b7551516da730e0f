package org.p2pstorage.account.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

import org.p2pstorage.failure.entity.Failure;

/**
 * Refuses passwords that are easy to guess, with nbvcxz (a maintained port of Dropbox's zxcvbn): it
 * estimates how many guesses an attacker who knows common passwords, words, names, keyboard patterns,
 * sequences, repeats and dates would need, and the account's own name and e-mail count as known words.
 * Below {@link #MINIMUM_ENTROPY} bits the password is refused with the estimator's advice, so
 * {@code password123}, {@code 1234567890} and {@code qwertyuiop} are refused, and a few uncommon words
 * pass.
 */
@ApplicationScoped
public class PasswordStrength {

    /** nbvcxz's own default: about 2^35 guesses. */
    static final double MINIMUM_ENTROPY = 35;

    /** Refuses a weak password ({@link Failure#invalid}) with a message that says how to make it stronger. */
    public void require(String password, String... personal) {
        Result result = estimator(personal).estimate(password == null ? "" : password);
        if (result.isMinimumEntropyMet()) {
            return;
        }
        List<String> advice = new ArrayList<>();
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

    private static Nbvcxz estimator(String... personal) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("account").setExclusion(true);
        for (String word : personal) {
            if (word != null && !word.isBlank()) {
                String lower = word.strip().toLowerCase(Locale.ROOT);
                own.addWord(lower, 0);
                int at = lower.indexOf('@');
                if (at > 0) {
                    own.addWord(lower.substring(0, at), 0);
                }
            }
        }
        dictionaries.add(own.createDictionary());
        return new Nbvcxz(new ConfigurationBuilder().setMinimumEntropy(MINIMUM_ENTROPY)
                .setLocale(Locale.ENGLISH).setDictionaries(dictionaries).createConfiguration());
    }
}
