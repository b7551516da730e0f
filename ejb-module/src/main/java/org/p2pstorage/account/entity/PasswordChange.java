package org.p2pstorage.account.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The current password and the new one. */
public record PasswordChange(
        String password,
        @NotBlank(message = "newPassword is required")
        @Size(min = 10, max = 1024, message = "newPassword must be 10 to 1024 characters")
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange";
    }
}
