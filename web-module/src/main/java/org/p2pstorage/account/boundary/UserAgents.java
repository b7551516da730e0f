package org.p2pstorage.account.boundary;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Says which browser on which system a session came from ("Chromium on Linux"), as the sessions list of
 * a mail or drive service does, instead of the raw User-Agent header. The raw text stays in the title.
 * A best effort over the common families; anything else shows as its first word.
 */
@Named
@ApplicationScoped
public class UserAgents {

    /** Checked in this order: Edge and Opera also say "Chrome", Chrome also says "Safari". */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("edg/", "Edge"), Map.entry("opr/", "Opera"), Map.entry("firefox/", "Firefox"),
            Map.entry("chromium/", "Chromium"), Map.entry("headlesschrome/", "Chromium (headless)"),
            Map.entry("chrome/", "Chrome"), Map.entry("safari/", "Safari"), Map.entry("curl/", "curl"),
            Map.entry("java-http-client", "Java HTTP client"), Map.entry("p2p-cli", "p2p command line"),
            Map.entry("p2p/", "p2p command line"));
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("android", "Android"), Map.entry("iphone", "iOS"), Map.entry("ipad", "iPadOS"),
            Map.entry("windows", "Windows"), Map.entry("mac os x", "macOS"), Map.entry("cros", "ChromeOS"),
            Map.entry("linux", "Linux"));

    public String describe(String agent) {
        if (agent == null || agent.isBlank()) {
            return "Unknown device";
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        String browser = BROWSERS.stream().filter(b -> lower.contains(b.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(agent.strip().split("[ /]", 2)[0]);
        String system = SYSTEMS.stream().filter(s -> lower.contains(s.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(null);
        return system == null ? browser : browser + " on " + system;
    }
}
