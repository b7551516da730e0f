package org.p2pstorage.remote.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BearerInterceptorTest {

    @Test
    void theTokenIsWhatFollowsTheBearerSchemeInAnyCase() {
        assertEquals(Optional.of("abc"), BearerInterceptor.token("Bearer abc"));
        assertEquals(Optional.of("abc"), BearerInterceptor.token("bearer  abc "));
        assertEquals(Optional.empty(), BearerInterceptor.token("Basic abc"));
        assertEquals(Optional.empty(), BearerInterceptor.token("Bearer "));
        assertEquals(Optional.empty(), BearerInterceptor.token(null));
    }
}
