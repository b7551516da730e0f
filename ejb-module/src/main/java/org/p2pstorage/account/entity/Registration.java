package org.p2pstorage.account.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a new user sends to register. */
public record Registration(
        @NotBlank(message = "username is required")
        @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9._-]{2,31}\\s*",
                message = "username must be 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String username,
        @NotBlank(message = "email is required")
        @Email(message = "email must be an e-mail address")
        @Size(max = 254, message = "email must be at most 254 characters")
        String email,
        @NotBlank(message = "password is required")
        @Size(min = 10, max = 1024, message = "password must be 10 to 1024 characters")
        String password) {

    @Override
    public String toString() {
        return "Registration[" + username + "]";
    }
}
