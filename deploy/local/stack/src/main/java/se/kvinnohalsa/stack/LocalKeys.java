package se.kvinnohalsa.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The LOCAL-DEVELOPMENT-ONLY signing key pair for JWTs: made on first start in the stack's working folder, never
 * committed. Production configures its own public key or JWKS URL.
 */
public final class LocalKeys {

    public static final String ISSUER = "https://kvinnohalsa.local/issuer";
    /** The {@code aud} of the local stack's tokens and what its services (and tests) expect (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "kvinnohalsa-local";
    private static final int KEY_BITS = 2048;

    private final Path privateKey;
    private final Path publicKey;

    private LocalKeys(Path dir) {
        this.privateKey = dir.resolve("privateKey.pem");
        this.publicKey = dir.resolve("publicKey.pem");
    }

    /** The key pair in dir, created if missing. */
    public static LocalKeys in(Path dir) {
        LocalKeys keys = new LocalKeys(dir);
        if (!Files.exists(keys.privateKey) || !Files.exists(keys.publicKey)) {
            keys.create();
        }
        return keys;
    }

    public Path privateKeyFile() {
        return privateKey;
    }

    public Path publicKeyFile() {
        return publicKey;
    }

    /** The public key as PEM text. */
    public String publicKeyPem() {
        try {
            return Files.readString(publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKey)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("unreadable private key " + privateKey, e);
        }
    }

    private synchronized void create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(privateKey.getParent());
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
