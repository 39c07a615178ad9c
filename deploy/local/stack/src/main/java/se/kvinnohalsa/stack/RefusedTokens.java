package se.kvinnohalsa.stack;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

/**
 * Admin tokens that every verifier of the platform must refuse, each wrong in one way only (the rest as the local
 * stack's valid tokens), for the tests of the gateway and the services: a refused one is 401, never a 2xx or 403.
 */
public final class RefusedTokens {

    private static final String SUBJECT = "admin-forged";
    private static final int OTHER_KEY_BITS = 2048;

    private RefusedTokens() {
    }

    /** Why each is refused -> the token. */
    public static Map<String, String> all(LocalKeys keys) {
        PrivateKey key = keys.privateKey();
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", admin(LocalKeys.ISSUER, LocalKeys.AUDIENCE).issuedAt(now.minusSeconds(7200))
                .expiresAt(now.minusSeconds(3600)).jws().keyId("local").sign(key));
        tokens.put("signed with another key", admin(LocalKeys.ISSUER, LocalKeys.AUDIENCE).jws().keyId("local")
                .sign(otherKey()));
        tokens.put("made for another audience", admin(LocalKeys.ISSUER, "another-application").jws().keyId("local")
                .sign(key));
        tokens.put("without an audience", admin(LocalKeys.ISSUER, null).jws().keyId("local").sign(key));
        tokens.put("of another issuer", admin("https://login.example.invalid/other", LocalKeys.AUDIENCE).jws()
                .keyId("local").sign(key));
        tokens.put("unsigned (alg none)", unsigned(now));
        // Key confusion: an HMAC over the token with the verifier's public key (known to anyone) as the secret.
        tokens.put("HS256 with the public key as secret", admin(LocalKeys.ISSUER, LocalKeys.AUDIENCE).jws()
                .algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(
                        keys.publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256")));
        return tokens;
    }

    private static JwtClaimsBuilder admin(String issuer, String audience) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer).subject(SUBJECT).upn(SUBJECT).groups(Set.of("admin"))
                .expiresIn(3600);
        return audience == null ? claims : claims.audience(audience);
    }

    private static String unsigned(Instant now) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + LocalKeys.ISSUER + "\",\"aud\":\"" + LocalKeys.AUDIENCE + "\",\"sub\":\""
                + SUBJECT + "\",\"upn\":\"" + SUBJECT + "\",\"groups\":[\"admin\"],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + (now.getEpochSecond() + 3600) + "}";
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(OTHER_KEY_BITS);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
