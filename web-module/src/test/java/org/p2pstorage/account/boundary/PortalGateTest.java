package org.p2pstorage.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortalGateTest {

    @Test
    void aDeepLinkLeadsBackToItsPageAndNeverToAnotherSite() {
        assertEquals("/catalog/file.xhtml?id=ab12", PortalGate.landing("/catalog/file.xhtml?id=ab12"));
        assertEquals("/catalog/drive.xhtml", PortalGate.landing(null));
        assertEquals("/catalog/drive.xhtml", PortalGate.landing("/index.xhtml"));
        assertEquals("/catalog/drive.xhtml", PortalGate.landing("https://evil.example/"));
        assertEquals("/catalog/drive.xhtml", PortalGate.landing("//evil.example/"));
        assertEquals("/catalog/drive.xhtml", PortalGate.landing("/\\evil.example/"));
        assertEquals("/catalog/drive.xhtml", PortalGate.landing("/account/signin.xhtml?next=/x"));
        assertEquals("/catalog/drive.xhtml", PortalGate.landing("/x\r\nSet-Cookie: a=b"));
    }
}
