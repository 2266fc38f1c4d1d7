package io.initguard.core.image.registry;

/**
 * Credentials for one registry: a user name and password, or an identity token (an OAuth2 refresh token, as
 * {@code docker login} stores for some registries).
 *
 * @param username      the user name; {@code <token>} when {@code secret} is an identity token
 * @param secret        the password or identity token
 * @param identityToken whether {@code secret} is an identity token rather than a password
 * @param origin        where they came from, for messages ({@code --creds}, {@code ~/.docker/config.json},
 *                      {@code docker-credential-pass})
 */
public record RegistryCredentials(String username, String secret, boolean identityToken, String origin) {
    public RegistryCredentials {
        if (username == null) throw new IllegalArgumentException("username is null");
        if (secret == null) throw new IllegalArgumentException("secret is null");
    }

    /** Parses {@code user:password}, as {@code --creds} takes it (the password may contain ':'). */
    public static RegistryCredentials parse(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("credentials must be USER:PASSWORD");
        }
        return new RegistryCredentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1),
                false, "--creds");
    }

    /** Hides the secret. */
    @Override
    public String toString() {
        return "RegistryCredentials[" + username + " from " + origin + "]";
    }
}
