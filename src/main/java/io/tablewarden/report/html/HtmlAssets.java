package io.tablewarden.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report's style sheet and script, inlined in every report, and the Content-Security-Policy that allows
 * exactly those two (by SHA-256 hash) and nothing else: no other script, no network, no frames, no forms.
 *
 * @param css    the style sheet
 * @param script the script
 */
record HtmlAssets(String css, String script) {

    /** The assets shipped with the build. */
    static HtmlAssets standard() {
        return new HtmlAssets(resource("report.css"), resource("report.js"));
    }

    String contentSecurityPolicy() {
        return "default-src 'none'; script-src '" + sha256(script) + "'; style-src '" + sha256(css)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report asset " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
