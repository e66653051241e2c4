package io.luxaris.channels.x;

import static io.luxaris.http.internal.AdapterBuilder.nonBlank;

import io.luxaris.domain.Credentials;
import java.util.LinkedHashMap;

/**
 * Credential keys the X channel understands beyond the well-known ones of {@link Credentials}, and factories for
 * the two credential types.
 *
 * <ul>
 *   <li><b>OAuth 2.0 user context</b> (the default): {@link Credentials#ACCESS_TOKEN}, {@link
 *       Credentials#REFRESH_TOKEN} and {@link Credentials#EXPIRES_AT}, as {@link XOAuth2.Tokens#toCredentials()}
 *       produces them. Refreshing needs the app's client id: configured on {@link XChannel.Builder#oauth2Client}
 *       or stored per connection under {@link #CLIENT_ID} (and {@link #CLIENT_SECRET} for a confidential client).
 *   <li><b>OAuth 1.0a user context</b>: {@link Credentials#ACCESS_TOKEN} and {@link Credentials#TOKEN_SECRET};
 *       the consumer key and secret come from {@link XChannel.Builder#oauth1Consumer} or are stored per
 *       connection under {@link #CONSUMER_KEY} and {@link #CONSUMER_SECRET}. These tokens do not expire.
 * </ul>
 */
public final class XCredentials {
    /** OAuth 2.0 client id of the app that obtained the tokens (when not configured on the channel). */
    public static final String CLIENT_ID = "client_id";
    /** OAuth 2.0 client secret of a confidential app (when not configured on the channel). */
    public static final String CLIENT_SECRET = "client_secret";
    /** OAuth 1.0a consumer (API) key (when not configured on the channel). */
    public static final String CONSUMER_KEY = "consumer_key";
    /** OAuth 1.0a consumer (API) secret (when not configured on the channel). */
    public static final String CONSUMER_SECRET = "consumer_secret";

    private XCredentials() {}

    /** OAuth 1.0a user credentials; the consumer key and secret are configured on the channel. */
    public static Credentials oauth1(String accessToken, String tokenSecret) {
        var map = new LinkedHashMap<String, String>();
        map.put(Credentials.ACCESS_TOKEN, nonBlank(accessToken, "accessToken"));
        map.put(Credentials.TOKEN_SECRET, nonBlank(tokenSecret, "tokenSecret"));
        return Credentials.of(map);
    }

    /** OAuth 1.0a user credentials that carry their app's consumer key and secret. */
    public static Credentials oauth1(
            String consumerKey, String consumerSecret, String accessToken, String tokenSecret) {
        return oauth1(accessToken, tokenSecret)
                .with(CONSUMER_KEY, nonBlank(consumerKey, "consumerKey"))
                .with(CONSUMER_SECRET, nonBlank(consumerSecret, "consumerSecret"));
    }
}
