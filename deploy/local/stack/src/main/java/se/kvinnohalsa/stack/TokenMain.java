package se.kvinnohalsa.stack;

import java.nio.file.Path;
import java.util.Set;

/** Prints a bearer token signed with the local stack's key: {@code token.sh ROLE [REGION]}. */
public final class TokenMain {

    private static final Set<String> ROLES = Set.of("admin", "reporter", "analyst", "registry");

    public static void main(String[] args) {
        if (args.length < 2 || !ROLES.contains(args[1]) || ("reporter".equals(args[1]) && args.length < 3)) {
            System.err.println("usage: token.sh ROLE [REGION]   ROLE one of " + ROLES
                    + "; REGION (e.g. 23) required for reporter");
            System.exit(2);
        }
        String region = args.length > 2 ? args[2] : null;
        if (region != null && !region.matches("\\d{2}")) {
            System.err.println("REGION must be a two-digit county code such as 01 or 23");
            System.exit(2);
        }
        StackConfig config = StackConfig.fromEnvironment(Path.of(args[0]));
        LocalKeys keys = LocalKeys.in(config.jwtDir());
        System.out.println(new Tokens(keys.privateKey(), LocalKeys.ISSUER, LocalKeys.AUDIENCE).issue(args[1], region));
    }
}
