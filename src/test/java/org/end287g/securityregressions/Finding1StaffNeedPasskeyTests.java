package org.end287g.securityregressions;

import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.end287g.Staff;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.RequestRule;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.events.internal.EventFixture;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Finding 1 of the security review (issue 13): "An admin signed in by e-mail link only
 * (no passkey) reaches every supporter's data through the leader pages.
 * {@code GET /admin/events/1/registrations.csv} answers 403 as it should, but
 * {@code GET /leader/events/1/registrations.csv} answers 200 with names, e-mails, ZIPs
 * and phones; {@code GET /leader/campaigns/{any}/delivery.csv?comments=true} answers 200;
 * {@code POST /leader/campaigns/2/goal} changes the goal. {@code isAdmin()} checks the
 * ADMIN grant but not the passkey factor, and the delivery, dashboard, paper, toolkit and
 * event organiser controllers all accept it."
 * <p>
 * Replays those requests, and every other one: a real admin account signs in by link
 * (through the sign-in page and the mailed token), leads and organizes nothing, and calls
 * every controller mapping under a path some {@link RequestRule} restricts
 * ({@code /admin/**}, {@code /leader/**}, {@code /organizer/**}, {@code /account/**} and
 * whatever a module adds) with every method it declares, its path variables filled with
 * ids of real rows. None may answer 2xx or 3xx, except the few pages that only ever show
 * the person's own things, and nothing may change.
 */
@SpringBootTest
@AutoConfigureMockMvc
class Finding1StaffNeedPasskeyTests {

	/**
	 * Pages a link-only admin may open: they only ever show (or change) the person's own
	 * things. Path patterns (any method) and why.
	 */
	static final Map<String, String> OWN_THINGS = Map.of("/leader",
			"the campaigns the person leads: none, and a hint to sign in with a passkey", "/organizer",
			"the organizations the person organizes: none", "/account/**",
			"the person's own account: details, sessions, passkeys, and the page asking for a passkey");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final Pattern VARIABLE = Pattern.compile("([^/]+)/\\{(\\w+)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApplicationContext context;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	long campaign;

	String slug;

	String leader;

	long event;

	String registrationCode;

	/** The value of each path variable, by the segment before it and its name. */
	final Map<String, String> ids = new TreeMap<>();

	@BeforeEach
	void realRows() throws Exception {
		this.campaign = TestCampaigns.id(this.jdbc, 1301);
		this.slug = this.jdbc.sql("select slug from campaigns where id = ?")
			.param(this.campaign)
			.query(String.class)
			.single();
		this.jdbc.sql("update campaigns set goal = 200, status = 'OPEN' where id = ?").param(this.campaign).update();
		String leaderEmail = SignedIn.newEmail();
		this.leader = this.accounts.leader(leaderEmail, "Lena Leader", this.campaign);
		RequestPostProcessor asLeader = user(this.leader).roles("LEADER");

		// a signature entered from paper by the campaign's leader
		this.mvc
			.perform(post("/leader/campaigns/" + this.campaign + "/paper").with(asLeader)
				.with(csrf())
				.param("firstName", "Rosa")
				.param("lastName", "Díaz")
				.param("zip", "28052")
				.param("email", SignedIn.newEmail())
				.param("comment", "Firmé en la feria"))
			.andReturn();
		long signature = this.jdbc.sql("select max(id) from signatures where campaign_id = ?")
			.param(this.campaign)
			.query(Long.class)
			.single();

		// an event of the campaign, published, with a registration
		MockHttpServletRequestBuilder create = post("/admin/events").with(Staff.admin())
			.with(csrf())
			.with(SignedIn.from(SignedIn.newAddress()));
		eventForm(this.slug).forEach(create::param);
		String created = this.mvc.perform(create).andReturn().getResponse().getRedirectedUrl();
		assertThat(created).startsWith("/admin/events/");
		this.event = Long.parseLong(created.substring("/admin/events/".length()));
		this.mvc.perform(post("/admin/events/" + this.event + "/publish").with(csrf()).with(Staff.admin())).andReturn();
		String eventSlug = this.jdbc.sql("select slug from events where id = ?")
			.param(this.event)
			.query(String.class)
			.single();
		this.mvc
			.perform(post("/events/" + eventSlug + "/register").with(csrf())
				.with(SignedIn.from(SignedIn.newAddress()))
				.param("name", "Ana Pérez")
				.param("email", SignedIn.newEmail())
				.param("zip", "28052")
				.param("phone", "704-555-0100")
				.param("language", "en"))
			.andReturn();
		this.registrationCode = this.jdbc.sql("select code from event_registrations where event_id = ?")
			.param(this.event)
			.query(String.class)
			.single();

		// someone asks to lead the campaign
		this.mvc
			.perform(post("/campaigns/" + this.slug + "/lead").with(csrf())
				.with(SignedIn.from(SignedIn.newAddress()))
				.param("name", "Ana María López")
				.param("email", SignedIn.newEmail())
				.param("zip", "28052")
				.param("phone", "704-555-0100")
				.param("why", "Mi familia vive aquí.")
				.param("commitment", "yes"))
			.andReturn();
		long application = this.jdbc.sql("select max(id) from leader_applications where campaign_id = ?")
			.param(this.campaign)
			.query(Long.class)
			.single();

		this.jdbc.sql("insert into organizations (name, name_key, created_at, created_by) values (?, ?, ?, 'test')")
			.params("Finding 1 " + this.campaign + this.leader, "finding 1 " + this.campaign + this.leader,
					OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		long organization = this.jdbc.sql("select max(id) from organizations").query(Long.class).single();
		this.jdbc
			.sql("insert into role_grants (account_id, role, organization_id, granted_by, granted_at) "
					+ "values (?, 'ORGANIZER', ?, 'test', ?)")
			.params(this.leader, organization, OffsetDateTime.now(ZoneOffset.UTC))
			.update();

		this.ids.put("campaigns/id", Long.toString(this.campaign));
		this.jdbc.sql("""
				insert into decide_offices (kind, name, state, office_key, created_at)
				values ('GOVERNOR', 'Finding 1 Governor', 'NC', ?, current_timestamp)""")
			.param("finding-1-" + System.nanoTime())
			.update();
		long office = this.jdbc.sql("select max(id) from decide_offices").query(Long.class).single();
		this.jdbc.sql("""
				insert into decide_holders (office_id, person_name, source_title, source_url, checked_on, created_at)
				values (?, 'Finding One', 'Source', 'https://example.org', current_date, current_timestamp)""")
			.param(office)
			.update();
		this.ids.put("holders/id",
				this.jdbc.sql("select max(id) from decide_holders").query(Long.class).single().toString());
		this.jdbc.sql("""
				insert into decide_elections (office_id, general_date, source_title, source_url, checked_on, created_at)
				values (?, ?, 'Source', 'https://example.org', current_date, current_timestamp)""")
			.params(office, java.time.LocalDate.now(ZoneOffset.UTC).plusDays(30 + (System.nanoTime() % 1000)))
			.update();
		this.jdbc.sql("""
				insert into decide_candidates (election_id, name, name_key, email, source_title, source_url, created_at)
				values (?, 'Finding Candidate', 'finding candidate', 'candidate@example.org', 'Source',
				'https://example.org', current_timestamp)""")
			.param(this.jdbc.sql("select max(id) from decide_elections").query(Long.class).single())
			.update();
		this.ids.put("candidates/id",
				this.jdbc.sql("select max(id) from decide_candidates").query(Long.class).single().toString());
		this.ids.put("candidates/candidate", this.ids.get("candidates/id"));
		this.ids.put("targets/office", Long.toString(office));
		this.ids.put("letter/office", Long.toString(office));
		this.ids.put("contact/office", Long.toString(office));
		this.ids.put("campaigns/slug", this.slug);
		this.ids.put("signatures/id", Long.toString(signature));
		this.ids.put("events/id", Long.toString(this.event));
		this.ids.put("leaders/id", Long.toString(application));
		this.ids.put("organizations/id", Long.toString(organization));
		// an organization's API key and a failed webhook delivery (osdi), which a
		// link-only
		// admin may neither revoke nor send again
		this.jdbc.sql("""
				insert into osdi_api_keys (organization_id, key_hash, key_prefix, label, created_at, created_by)
				values (?, ?, 'e287g_findin', 'Finding 1', current_timestamp, 'test')""")
			.params(organization, "finding-1-" + System.nanoTime())
			.update();
		this.ids.put("api-keys/key",
				this.jdbc.sql("select max(id) from osdi_api_keys").query(Long.class).single().toString());
		this.jdbc.sql("""
				insert into osdi_deliveries (organization_id, kind, record_id, created_at, due_at, attempts, failed_at)
				values (?, 'SIGNATURE', ?, current_timestamp, current_timestamp, 8, current_timestamp)""")
			.params(organization, signature)
			.update();
		this.ids.put("deliveries/delivery",
				this.jdbc.sql("select max(id) from osdi_deliveries").query(Long.class).single().toString());
		this.ids.put("accounts/id", this.leader);
		this.ids.put("grants/grant",
				this.jdbc.sql("select min(id) from role_grants where account_id = ?")
					.param(this.leader)
					.query(Long.class)
					.single()
					.toString());
		this.ids.put("mail/id", this.jdbc.sql("select max(id) from mail_outbox").query(Long.class).single().toString());
		// a sheet held for staff, which a link-only admin may neither accept nor reject
		long held = new org.end287g.tracker.TrackerFixture(this.jdbc).sheet("PENDING", "2025-06-30T00:00", 3, false,
				"COMMAND");
		this.jdbc.sql("update ice_sheet set review = 'HELD', held_reason = 'VANISHED' where id = ?")
			.param(held)
			.update();
		this.ids.put("held/id", Long.toString(held));
		this.ids.put("figures/id",
				this.jdbc.sql("select min(id) from impact_figures").query(Long.class).single().toString());
		this.ids.put("wins/id", this.jdbc.sql("select min(id) from wins").query(Long.class).single().toString());
		// a help entry proposed by an organisation, which a link-only admin may neither
		// approve nor delete
		this.jdbc
			.sql("insert into help_entries (name, name_key, kind, languages, cost, counties, facilities, approved, "
					+ "created_at, updated_at) values ('Finding 1 help', 'finding 1 help', 'BOND_HELP', 'en', 'FREE', '', '', "
					+ "false, ?, ?) on conflict do nothing")
			.params(OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		this.ids.put("help/id",
				this.jdbc.sql("select max(id) from help_entries").query(Long.class).single().toString());
		// an open sign-on letter of the campaign, which a link-only admin may neither
		// edit,
		// close, deliver nor sign
		this.jdbc
			.sql("""
					insert into letters (slug, campaign_id, target_name, title_en, title_es, body_en, body_es, status,
					created_by, created_at, updated_by, updated_at)
					values (?, ?, 'Finding One', 'Finding 1', 'Hallazgo 1', 'Body', 'Texto', 'OPEN', 'test', ?, 'test', ?)""")
			.params("finding-1-" + System.nanoTime(), this.campaign, OffsetDateTime.now(ZoneOffset.UTC),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		long letter = this.jdbc.sql("select max(id) from letters").query(Long.class).single();
		this.ids.put("letters/letter", Long.toString(letter));
		this.ids.put("letters/slug",
				this.jdbc.sql("select slug from letters where id = ?").param(letter).query(String.class).single());
		this.ids.put("lessons/slug",
				this.jdbc.sql("select min(slug) from toolkit_lessons").query(String.class).single());
	}

	@Test
	void anAdminSignedInByLinkOnlyReachesNoOnesDataAndChangesNothing() throws Exception {
		String email = SignedIn.newEmail();
		String admin = this.accounts.admin(email, "Link Only");
		Cookie session = signInByLink(email);

		String before = state();
		Map<String, String> answered = new TreeMap<>();
		Set<String> walked = new TreeSet<>();
		List<String> refused = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlerMappings().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				String path = filled(pattern);
				if (!restricted(path)) {
					continue;
				}
				assertThat(path).as("every variable of %s has a real row's id", pattern).doesNotContain("{");
				for (HttpMethod method : methods(mapping.getKey())) {
					walked.add(method + " " + pattern);
					MockHttpServletResponse response = this.mvc
						.perform(walking(method, path, mapping.getKey(), mapping.getValue()).cookie(session))
						.andReturn()
						.getResponse();
					String answer = response.getStatus()
							+ ((response.getRedirectedUrl() != null) ? " -> " + response.getRedirectedUrl() : "");
					answered.put(method + " " + path, answer);
					if (response.getStatus() < 400 && !own(path)) {
						refused.add(method + " " + path + " answered " + answer);
					}
				}
			}
		}

		// the walk reached the pages of the finding, and every area
		assertThat(walked).contains("GET /leader/events/{id}/registrations.csv",
				"GET /leader/campaigns/{id}/delivery.csv", "POST /leader/campaigns/{id}/goal",
				"GET /leader/campaigns/{id}/paper", "GET /leader/campaigns/{id}/toolkit", "GET /admin/accounts",
				"POST /admin/organizations/{id}/api-keys/{key}/revoke", "POST /admin/campaigns/{slug}/partners",
				"POST /admin/events/{id}/partners", "GET /organizer/organizations/{id}", "GET /leader");
		assertThat(walked).hasSizeGreaterThan(50);
		assertThat(refused).as("answers to a link-only admin (all: %s)", answered).isEmpty();
		assertThat(state()).as("nothing changed").isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from audit_log where actor = ? and coalesce(subject, '') <> ?")
			.params(admin, admin)
			.query(Long.class)
			.single()).as("nothing done to anyone else").isZero();

		// the finding's requests one by one, and the hint to sign in with a passkey
		assertThat(status(get("/leader/events/" + this.event + "/registrations.csv").cookie(session))).isEqualTo(403);
		assertThat(status(get("/leader/campaigns/" + this.campaign + "/delivery.csv?comments=true").cookie(session)))
			.isEqualTo(403);
		assertThat(status(
				post("/leader/campaigns/" + this.campaign + "/goal").param("goal", "5").with(csrf()).cookie(session)))
			.isEqualTo(403);
		assertThat(goal()).isEqualTo(200);
		assertThat(html(get("/leader/campaigns/" + this.campaign).cookie(session))).contains("passkey");
		assertThat(html(get("/leader").cookie(session))).contains("You are staff, but you signed in with a link");

		// the same admin signed in with a passkey is staff there (so the walk's rows are
		// real)
		RequestPostProcessor staff = user(admin).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
		String csv = html(get("/leader/events/" + this.event + "/registrations.csv").with(staff));
		assertThat(csv).contains("Ana Pérez");
		assertThat(status(get("/leader/campaigns/" + this.campaign + "/delivery.csv").with(staff))).isEqualTo(200);
		assertThat(status(get("/admin/leaders").with(staff))).isEqualTo(200);
	}

	/** Signs in through the pages by link, as the finding did; the session cookie. */
	private Cookie signInByLink(String email) throws Exception {
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);
		this.mvc.perform(post("/sign-in").param("email", email).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andReturn();
		MockHttpServletResponse signedIn = this.mvc
			.perform(post("/login/ott").param("token", mail.last(email, "sign-in-link").token())
				.with(csrf())
				.with(SignedIn.from(SignedIn.newAddress())))
			.andReturn()
			.getResponse();
		assertThat(signedIn.getRedirectedUrl()).isEqualTo("/account");
		Cookie session = signedIn.getCookie(SignedIn.SESSION_COOKIE);
		assertThat(session).isNotNull();
		return session;
	}

	private Map<RequestMappingInfo, HandlerMethod> handlerMappings() {
		return this.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods();
	}

	/** The pattern with each variable replaced by a real row's id. */
	private String filled(String pattern) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String value = this.ids.get(variable.group(1) + "/" + variable.group(2));
			variable.appendReplacement(path,
					Matcher.quoteReplacement(variable.group(1) + "/" + ((value != null) ? value : variable.group(0))));
		}
		variable.appendTail(path);
		return path.toString();
	}

	/** A path some module's rule restricts. */
	private boolean restricted(String path) {
		return this.context.getBeansOfType(RequestRule.class)
			.values()
			.stream()
			.flatMap((rule) -> rule.patterns().stream())
			.anyMatch((pattern) -> matches(pattern, path));
	}

	private static boolean own(String path) {
		return OWN_THINGS.keySet().stream().anyMatch((pattern) -> matches(pattern, path));
	}

	private static boolean matches(String pattern, String path) {
		return PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path));
	}

	/** The methods a mapping declares; GET and POST when it takes any. */
	private static List<HttpMethod> methods(RequestMappingInfo info) {
		Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
		if (declared.isEmpty()) {
			return List.of(HttpMethod.GET, HttpMethod.POST);
		}
		return declared.stream().map((method) -> HttpMethod.valueOf(method.name())).sorted().toList();
	}

	/**
	 * The request, with a CSRF token and the values that would make each change valid (a
	 * goal, a paper signature, a check-in code, an event...), and a file where the
	 * handler takes one.
	 */
	private AbstractMockHttpServletRequestBuilder<?> walking(HttpMethod method, String path, RequestMappingInfo info,
			HandlerMethod handler) {
		boolean file = Arrays.stream(handler.getMethod().getParameters())
			.map(Parameter::getType)
			.anyMatch(MultipartFile.class::equals);
		AbstractMockHttpServletRequestBuilder<?> request = file
				? multipart(method, path).file(new MockMultipartFile("file", "paper.csv", "text/csv",
						"first,last,zip,email,comment\r\nMallory,Link,28052,mallory@example.org,\r\n"
							.getBytes(StandardCharsets.UTF_8)))
				: request(method, path);
		request.with(csrf()).with(SignedIn.from(SignedIn.newAddress()));
		if (!HttpMethod.GET.equals(method)) {
			changes().forEach(request::param);
		}
		for (NameValueExpression<String> expression : info.getParamsCondition().getExpressions()) {
			if (!expression.isNegated()) {
				request.param(expression.getName(), (expression.getValue() != null) ? expression.getValue() : "1");
			}
		}
		return request;
	}

	private Map<String, String> changes() {
		Map<String, String> changes = new LinkedHashMap<>(eventForm(this.slug));
		changes.put("goal", "5");
		changes.put("firstName", "Mallory");
		changes.put("lastName", "Link");
		changes.put("email", "mallory@example.org");
		changes.put("code", this.registrationCode);
		changes.put("confirm", "yes");
		changes.put("step", "1");
		changes.put("done", "true");
		changes.put("text", "Mallory was here.");
		changes.put("name", "Mallory");
		changes.put("role", "ADMIN");
		return changes;
	}

	/** What the walk must not change: the rows it was given, and every count. */
	private String state() {
		StringBuilder state = new StringBuilder();
		for (String sql : new String[] {
				"select id, goal, status, petition_updated_at, proposed_at, closed_at, target_updated_at from campaigns",
				"select id, status, title_en, starts_at, published_at, cancelled_at from events",
				"select id, status, checked_in_at from event_registrations",
				"select id, status from leader_applications",
				"select id, account_id, role, revoked_at from role_grants", "select id, status from mail_outbox",
				"select slug, updated_at from toolkit_lessons", "select count(*) from signatures",
				"select count(*) from signature_invalidations", "select count(*) from campaign_updates",
				"select count(*) from campaign_deliveries", "select count(*) from leader_training",
				"select count(*) from toolkit_share_messages", "select count(*) from toolkit_records_requests",
				"select count(*) from toolkit_lesson_progress", "select count(*) from organizations",
				"select count(*) from accounts", "select count(*) from mail_outbox",
				"select id, accepted, review from ice_sheet", "select count(*) from moa_document",
				"select count(*) from moa_clause_note", "select count(*) from alert_subscriptions",
				"select count(*) from impact_figures", "select id, status, updated_at from wins",
				"select count(*) from win_sources", "select id, name, approved, updated_at from help_entries",
				"select id, pledge, statement, asked_at from decide_candidates",
				"select id, general_date, primary_date from decide_elections",
				"select id, status, title_en, delivered_on, response, updated_at from letters",
				"select count(*) from letter_signatures",
				"select organization_id, city, website, verified_at, updated_at from organization_pages" }) {
			state.append(sql).append(": ").append(this.jdbc.sql(sql + " order by 1").query().listOfRows()).append('\n');
		}
		return state.toString();
	}

	private Map<String, String> eventForm(String campaignSlug) {
		Map<String, String> form = EventFixture.form("Finding 1 meeting");
		form.put("campaigns", campaignSlug);
		return form;
	}

	private int goal() {
		return this.jdbc.sql("select goal from campaigns where id = ?")
			.param(this.campaign)
			.query(Integer.class)
			.single();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
