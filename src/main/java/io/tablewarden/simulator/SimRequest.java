package io.tablewarden.simulator;

import com.sun.net.httpserver.Headers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP request as the services see it, with the SigV4 credential scope already picked apart. */
final class SimRequest {

    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/([^/,\\s]+)/([^/,\\s]+)/([^/,\\s]+)/aws4_request");

    final String requestId;
    final String method;
    final String rawPath;
    final String rawQuery;
    final Headers headers;
    final byte[] body;
    final String accessKeyId;
    final String region;
    final String signingService;

    SimRequest(String requestId, String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        this.requestId = requestId;
        this.method = method;
        this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        String auth = headers.getFirst("Authorization");
        Matcher m = auth == null ? null : CREDENTIAL.matcher(auth);
        if (m != null && m.find()) {
            accessKeyId = m.group(1);
            region = m.group(3);
            signingService = m.group(4);
        } else {
            accessKeyId = null;
            region = null;
            signingService = null;
        }
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Query string parameters, decoded; a repeated name keeps its first value. */
    Map<String, String> queryParameters() {
        return parseForm(rawQuery);
    }

    static Map<String, String> parseForm(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Percent-decodes one path segment; unlike form data, a '+' in a path is a plus sign. */
    static String decodePathSegment(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
