package io.acgs2.components.mesh;

import java.util.List;

/**
 * The identity provider whose tokens name a request's tenant: with it, every service gets a
 * RequestAuthentication, so the residency policy's claim rule reads a validated claim.
 *
 * @param issuer    the {@code iss} the tokens carry
 * @param jwksUri   where the signing keys are (https)
 * @param audiences the accepted {@code aud} values (empty: any)
 */
public record JwtIssuer(String issuer, String jwksUri, List<String> audiences) {
    public JwtIssuer {
        audiences = List.copyOf(audiences);
    }
}
