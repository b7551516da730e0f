package org.p2pstorage.cli.shell.control;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Asks the user: a secret (password, code) without echo, or a line. On a terminal that is the console;
 * in a pipe, the next line of standard input ({@code printf 'pw\n' | p2p login alice}); in the shell,
 * JLine with a mask that shows nothing; in tests, scripted answers.
 */
public interface Prompter {

    String secret(String prompt);

    String line(String prompt);

    /** The console when there is one, else standard input. */
    static Prompter standard() {
        Console console = System.console();
        if (console != null) {
            return new Prompter() {
                @Override
                public String secret(String prompt) {
                    char[] answer = console.readPassword("%s", prompt);
                    if (answer == null) {
                        throw new IllegalStateException("no answer given");
                    }
                    return new String(answer);
                }

                @Override
                public String line(String prompt) {
                    String answer = console.readLine("%s", prompt);
                    if (answer == null) {
                        throw new IllegalStateException("no answer given");
                    }
                    return answer;
                }
            };
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new Prompter() {
            @Override
            public String secret(String prompt) {
                return line(prompt);
            }

            @Override
            public String line(String prompt) {
                try {
                    String answer = in.readLine();
                    if (answer == null) {
                        throw new IllegalStateException("no answer on standard input for: " + prompt.strip());
                    }
                    return answer;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
