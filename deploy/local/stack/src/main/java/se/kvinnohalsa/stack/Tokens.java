package se.kvinnohalsa.stack;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/** Signs bearer tokens with the claims of the public contract: sub, groups, region; made for one audience (aud). */
public final class Tokens {

    private final PrivateKey key;
    private final String issuer;
    private final String audience;

    /** Tokens for the local stack's audience ({@link LocalKeys#AUDIENCE}). */
    public Tokens(PrivateKey key, String issuer) {
        this(key, issuer, LocalKeys.AUDIENCE);
    }

    public Tokens(PrivateKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    public String issue(String subject, String role, String region, Duration validFor) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .expiresIn(validFor);
        if (region != null && !region.isBlank()) {
            claims.claim("region", region);
        }
        return claims.jws().keyId("local").sign(key);
    }

    /** A token for role, region (may be null), valid for an hour. */
    public String issue(String role, String region) {
        String subject = region == null ? role + "-local" : role + "-" + region;
        return issue(subject, role, region, Duration.ofHours(1));
    }
}
