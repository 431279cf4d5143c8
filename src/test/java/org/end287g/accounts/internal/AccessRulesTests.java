package org.end287g.accounts.internal;

import java.util.List;

import org.end287g.accounts.LeanPublicPost;
import org.end287g.accounts.RequestRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Modules' rules as the security chain applies them: the strictest rule that matches a
 * path decides, whatever order the modules declared them in, and a lean public post never
 * skips a restricted path's checks.
 */
@SpringJUnitWebConfig(AccessRulesTests.Rules.class)
class AccessRulesTests {

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void mvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void theStrictestRuleDecidesWhateverTheOrderOfDeclaration() throws Exception {
		this.mvc.perform(get("/area/staff/page").with(signedIn())).andExpect(status().isForbidden());
		this.mvc.perform(get("/area/staff/page").with(adminWithoutPasskey())).andExpect(status().isForbidden());
		this.mvc.perform(get("/area/staff/page").with(staff())).andExpect(status().isOk());
		this.mvc.perform(get("/area/page").with(signedIn())).andExpect(status().isOk());
		this.mvc.perform(get("/area/page")).andExpect(status().isForbidden());
		this.mvc.perform(get("/elsewhere")).andExpect(status().isOk());
	}

	@Test
	void staffPathsAreWhereAnAdminIsAskedForAPasskey() {
		AccessRules rules = new AccessRules(List.of(RequestRule.staff("/admin", "/admin/**")), List.of());
		assertThat(rules.staffPaths().matches(request("GET", "/admin"))).isTrue();
		assertThat(rules.staffPaths().matches(request("POST", "/admin/accounts/1"))).isTrue();
		assertThat(rules.staffPaths().matches(request("GET", "/administrators"))).isFalse();
		assertThat(rules.staffPaths().matches(request("GET", "/account"))).isFalse();
	}

	@Test
	void aLeanPublicPostIsOnlyItsPostAndNeverARestrictedPath() {
		LeanPublicPost signing = LeanPublicPost.of("/campaigns/*/sign");
		AccessRules open = new AccessRules(List.of(RequestRule.signedIn("/leader/**")), List.of(signing));
		assertThat(open.leanPaths().matches(request("POST", "/campaigns/gaston/sign"))).isTrue();
		assertThat(open.leanPaths().matches(request("GET", "/campaigns/gaston/sign"))).isFalse();
		assertThat(open.leanPaths().matches(request("POST", "/campaigns/gaston/sign/more"))).isFalse();
		AccessRules restricted = new AccessRules(List.of(RequestRule.staff("/campaigns/closed/**")), List.of(signing));
		assertThat(restricted.leanPaths().matches(request("POST", "/campaigns/closed/sign"))).isFalse();
		assertThat(restricted.leanPaths().matches(request("POST", "/campaigns/gaston/sign"))).isTrue();
		assertThat(new AccessRules(List.of(), List.of()).leanPaths().matches(request("POST", "/campaigns/a/sign")))
			.isFalse();
	}

	@Test
	void aRuleNamesAtLeastOnePath() {
		assertThatIllegalArgumentException().isThrownBy(RequestRule::staff);
		assertThatIllegalArgumentException().isThrownBy(LeanPublicPost::of);
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		return request;
	}

	private static RequestPostProcessor signedIn() {
		return user("someone").authorities(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY));
	}

	private static RequestPostProcessor adminWithoutPasskey() {
		return user("admin").authorities(new SimpleGrantedAuthority("ROLE_ADMIN"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY));
	}

	private static RequestPostProcessor staff() {
		return user("staff").authorities(new SimpleGrantedAuthority("ROLE_ADMIN"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
	}

	/** Two modules' rules, the looser declared first, and every path answered "ok". */
	@Configuration
	@EnableWebMvc
	@EnableWebSecurity
	static class Rules {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) throws Exception {
			AccessRules rules = new AccessRules(
					List.of(RequestRule.signedIn("/area/**"), RequestRule.staff("/area/staff/**")), List.of());
			http.authorizeHttpRequests(rules::applyTo)
				.exceptionHandling(
						(exceptions) -> exceptions.authenticationEntryPoint(new Http403ForbiddenEntryPoint()));
			return http.build();
		}

		@Bean
		Pages pages() {
			return new Pages();
		}

	}

	@RestController
	static class Pages {

		@GetMapping("/**")
		String page() {
			return "ok";
		}

	}

}
