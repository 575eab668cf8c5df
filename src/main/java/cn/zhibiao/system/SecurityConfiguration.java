package cn.zhibiao.system;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Mono;

import cn.zhibiao.web.ApiErrors;

/**
 * The door: one {@link SecurityWebFilterChain}. The panel signs in with a form and keeps a session cookie, its
 * requests carry the CSRF token from a cookie the JavaScript can read; scripts use HTTP Basic and need no CSRF token
 * (a browser never sends an Authorization header on its own, since no Basic challenge is ever issued). API calls
 * without a login get 401 JSON, pages a redirect to the login page. Failed logins are throttled.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login.html";
    private static final String BASIC = "Basic ";
    /** Spring Session's cookie (its default name). */
    private static final String SESSION_COOKIE = "SESSION";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(SecurityProperties properties) {
        return new LoginThrottle(properties.loginAttempts(), properties.loginAttemptsPerAddress(),
                properties.loginWindow(), Clock.systemUTC());
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecurityProperties properties,
            LoginThrottle throttle, Accounts accounts, PasswordEncoder passwords) {
        UserDetailsRepositoryReactiveAuthenticationManager checker =
                new UserDetailsRepositoryReactiveAuthenticationManager(accounts);
        checker.setPasswordEncoder(passwords);
        ServerAuthenticationEntryPoint apiEntryPoint = (exchange, e) ->
                ApiErrors.write(exchange, HttpStatus.UNAUTHORIZED, "请先登录（网页登录，或脚本使用 HTTP Basic 认证）");
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**");
        return http
                .authorizeExchange(auth -> auth
                        .pathMatchers(LOGIN_PAGE, "/login", "/*.css", "/*.js", "/favicon.ico", "/api/status").permitAll()
                        .pathMatchers("/api/import", "/api/admin/**").hasRole(Role.ADMIN.name())
                        .anyExchange().authenticated())
                .formLogin(form -> form
                        .loginPage(LOGIN_PAGE)
                        .requiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login"))
                        .authenticationSuccessHandler((exchange, auth) -> {
                            throttle.succeeded(auth.getName());
                            return new RedirectServerAuthenticationSuccessHandler("/")
                                    .onAuthenticationSuccess(exchange, auth);
                        })
                        .authenticationFailureHandler((exchange, e) -> formUsername(exchange.getExchange())
                                .doOnNext(user -> throttle.failed(user, address(exchange.getExchange())))
                                .then(redirect(exchange.getExchange(), LOGIN_PAGE + "?error"))))
                .httpBasic(basic -> basic
                        .authenticationManager(new RememberedBasicLogins(checker, properties.basicLoginMemory(),
                                properties.basicLoginMemorySize(), Clock.systemUTC()))
                        .authenticationEntryPoint(apiEntryPoint)
                        .authenticationFailureHandler((exchange, e) -> {
                            throttle.failed(basicUsername(exchange.getExchange()), address(exchange.getExchange()));
                            return ApiErrors.write(exchange.getExchange(), HttpStatus.UNAUTHORIZED, "用户名或密码错误");
                        }))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess()))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> api.matches(exchange)
                                .flatMap(m -> m.isMatch() ? apiEntryPoint.commence(exchange, e)
                                        : new RedirectServerAuthenticationEntryPoint(LOGIN_PAGE).commence(exchange, e)))
                        .accessDeniedHandler((exchange, e) -> ApiErrors.write(exchange, HttpStatus.FORBIDDEN,
                                "没有权限执行此操作（或页面已过期，请刷新后重试）")))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        // The plain handler: the panel sends the cookie's value back as it is, in X-XSRF-TOKEN or _csrf.
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        // Forgery needs the victim's session: requests without a session cookie (scripts, anonymous
                        // calls, which then get 401) carry nothing to abuse; the login form is always protected.
                        .requireCsrfProtectionMatcher(exchange -> isUnsafe(exchange) && !hasBasic(exchange)
                                && (hasSession(exchange) || isLogin(exchange))
                                ? ServerWebExchangeMatcher.MatchResult.match()
                                : ServerWebExchangeMatcher.MatchResult.notMatch()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                        .contentTypeOptions(options -> { })
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(throttleFilter(throttle), SecurityWebFiltersOrder.HTTP_BASIC)
                .addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF)
                .build();
    }

    /** Refuses a login attempt, before checking the password, while its user name or address is throttled. */
    private static WebFilter throttleFilter(LoginThrottle throttle) {
        return (exchange, chain) -> {
            Mono<String> username = hasBasic(exchange) ? Mono.just(basicUsername(exchange))
                    : isLogin(exchange) ? formUsername(exchange) : Mono.empty();
            return username
                    .map(user -> throttle.blocked(user, address(exchange)))
                    .defaultIfEmpty(false)
                    .flatMap(blocked -> !blocked ? chain.filter(exchange)
                            : isLogin(exchange) ? redirect(exchange, LOGIN_PAGE + "?locked")
                            : ApiErrors.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                                    "登录失败次数过多，请 " + throttle.windowMinutes() + " 分钟后再试"));
        };
    }

    /** The CSRF token is created lazily; subscribing here puts its cookie on every response, the login page's too. */
    private static WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    private static RedirectServerLogoutSuccessHandler logoutSuccess() {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(LOGIN_PAGE + "?logout"));
        return handler;
    }

    private static Mono<Void> redirect(ServerWebExchange exchange, String location) {
        exchange.getResponse().setStatusCode(HttpStatus.FOUND);
        exchange.getResponse().getHeaders().setLocation(URI.create(location));
        return exchange.getResponse().setComplete();
    }

    private static boolean isUnsafe(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                || HttpMethod.TRACE.equals(method));
    }

    private static boolean hasSession(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(SESSION_COOKIE);
    }

    private static boolean isLogin(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() == HttpMethod.POST
                && "/login".equals(exchange.getRequest().getPath().value());
    }

    private static boolean hasBasic(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length());
    }

    private static String basicUsername(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Mono<String> formUsername(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            String user = form.getFirst("username");
            return user == null ? "" : user;
        });
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
    }
}
