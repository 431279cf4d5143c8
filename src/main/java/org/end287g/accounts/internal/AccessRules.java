package org.end287g.accounts.internal;

import java.util.Comparator;
import java.util.List;

import org.end287g.accounts.LeanPublicPost;
import org.end287g.accounts.RequestRule;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every module's {@link RequestRule}s and {@link LeanPublicPost}s as Spring Security sees
 * them: what each access level requires (staff as {@link StaffRule} defines them), the
 * rules strictest first, and the paths the lean chain takes.
 */
final class AccessRules {

	private final List<RequestRule> rules;

	private final List<LeanPublicPost> leanPosts;

	AccessRules(List<RequestRule> rules, List<LeanPublicPost> leanPosts) {
		this.rules = rules.stream()
			.sorted(Comparator.comparing(RequestRule::access, Comparator.reverseOrder()))
			.toList();
		this.leanPosts = List.copyOf(leanPosts);
	}

	/**
	 * The rules, strictest first (the first that matches decides), then everything else
	 * open to anyone.
	 */
	void applyTo(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
		for (RequestRule rule : this.rules) {
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl paths = registry
				.requestMatchers(rule.patterns().toArray(String[]::new));
			switch (rule.access()) {
				case SIGNED_IN -> paths.authenticated();
				case STAFF -> paths.access(StaffRule.authorization());
			}
		}
		registry.anyRequest().permitAll();
	}

	/** The staff paths, where an admin without a passkey is told to add one. */
	RequestMatcher staffPaths() {
		return matcher(this.rules.stream().filter((rule) -> rule.access() == RequestRule.Access.STAFF).toList());
	}

	/** The lean public posts, except where a rule restricts the path. */
	RequestMatcher leanPaths() {
		List<RequestMatcher> posts = this.leanPosts.stream()
			.flatMap((post) -> post.patterns().stream())
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(HttpMethod.POST, pattern))
			.toList();
		if (posts.isEmpty()) {
			return (request) -> false;
		}
		return new AndRequestMatcher(new OrRequestMatcher(posts), new NegatedRequestMatcher(matcher(this.rules)));
	}

	private static RequestMatcher matcher(List<RequestRule> rules) {
		List<RequestMatcher> paths = rules.stream()
			.flatMap((rule) -> rule.patterns().stream())
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(pattern))
			.toList();
		return paths.isEmpty() ? (request) -> false : new OrRequestMatcher(paths);
	}

}
