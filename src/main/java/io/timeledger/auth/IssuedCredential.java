package io.timeledger.auth;

/** A credential just created, with its secret: the only moment the secret is known. */
public record IssuedCredential(Credential credential, String secret) {

    @Override
    public String toString() {
        return "IssuedCredential[" + credential + ", secret=" + credential.prefix() + "…]";
    }
}
