package cn.duban.support;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A browser's session with the Camunda webapps: logged in through Tasklist's login form, with its CSRF token. */
public final class WebappSession {

    public static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

    private final TestRestTemplate rest;
    private final String sessionCookie;
    private final String xsrfCookie;

    private WebappSession(TestRestTemplate rest, String sessionCookie, String xsrfCookie) {
        this.rest = rest;
        this.sessionCookie = sessionCookie;
        this.xsrfCookie = xsrfCookie;
    }

    /** Opens Tasklist's login page and logs in; fails unless the login answers 200. */
    public static WebappSession login(TestRestTemplate rest, String userId, String password) {
        LoginPage page = LoginPage.open(rest);
        ResponseEntity<String> login = page.submit(userId, password);
        if (login.getStatusCode().value() != 200) {
            throw new AssertionError(
                    "login of " + userId + " answered " + login.getStatusCode() + ": " + login.getBody());
        }
        String session = cookie(login.getHeaders().get(HttpHeaders.SET_COOKIE), "JSESSIONID");
        // The login starts a new session, which gets its own CSRF token with its first request.
        ResponseEntity<String> first = rest.exchange(
                "/camunda/api/engine/engine/default/user/" + userId + "/profile",
                HttpMethod.GET,
                new HttpEntity<>(headers(session)),
                String.class);
        List<String> firstCookies = first.getHeaders().get(HttpHeaders.SET_COOKIE);
        String xsrf = firstCookies == null
                ? page.xsrf()
                : firstCookies.stream()
                        .filter(c -> c.startsWith("XSRF-TOKEN="))
                        .map(c -> c.split(";")[0])
                        .findFirst()
                        .orElse(page.xsrf());
        return new WebappSession(rest, session, xsrf);
    }

    /** One attempt at Tasklist's login form, as a browser makes it (with the page's CSRF token). */
    public static ResponseEntity<String> attempt(TestRestTemplate rest, String userId, String password) {
        return attempt(rest, userId, password, LOGIN);
    }

    /** The same, posted to another spelling of the login's address. */
    public static ResponseEntity<String> attempt(
            TestRestTemplate rest, String userId, String password, String loginAddress) {
        return LoginPage.open(rest).submit(userId, password, loginAddress);
    }

    /** The login page as a browser gets it: a CSRF token in a cookie, and no session until the login. */
    private record LoginPage(TestRestTemplate rest, String xsrf) {

        static LoginPage open(TestRestTemplate rest) {
            ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
            return new LoginPage(rest, cookie(page.getHeaders().get(HttpHeaders.SET_COOKIE), "XSRF-TOKEN"));
        }

        ResponseEntity<String> submit(String userId, String password) {
            return submit(userId, password, LOGIN);
        }

        ResponseEntity<String> submit(String userId, String password, String loginAddress) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            headers.add("X-XSRF-TOKEN", xsrf.substring(xsrf.indexOf('=') + 1));
            headers.add(HttpHeaders.COOKIE, xsrf);
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("username", userId);
            form.add("password", password);
            return rest.postForEntity(loginAddress, new HttpEntity<>(form, headers), String.class);
        }
    }

    /** The same session, presented to another server (another node of a cluster). */
    public WebappSession at(TestRestTemplate otherServer) {
        return new WebappSession(otherServer, sessionCookie, xsrfCookie);
    }

    /** A call within the session; with {@code csrf} it carries the CSRF token as Tasklist does. */
    public Http.Response call(HttpMethod method, String path, Object jsonBody, boolean csrf) {
        HttpHeaders headers = headers(sessionCookie + (xsrfCookie == null ? "" : "; " + xsrfCookie));
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (csrf && xsrfCookie != null) {
            headers.add("X-XSRF-TOKEN", xsrfCookie.substring(xsrfCookie.indexOf('=') + 1));
        }
        ResponseEntity<String> response =
                rest.exchange(path, method, new HttpEntity<>(jsonBody, headers), String.class);
        return new Http.Response(response.getStatusCode().value(), response.getBody());
    }

    private static HttpHeaders headers(String cookies) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        return headers;
    }

    private static String cookie(List<String> setCookies, String name) {
        if (setCookies == null) {
            throw new AssertionError("no cookies set, expected " + name);
        }
        return setCookies.stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.split(";")[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + setCookies));
    }
}
