package org.end287g.osdi.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OSDI API: the entry point, petitions and events public and paged as OSDI pages;
 * signatures only with an organization's key, only of those who shared with it.
 */
class OsdiApiTests extends OsdiTestSupport {

	static final String API = "/api/osdi/v1";

	ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request);
	}

	@Test
	void theEntryPointListsPetitionsAndEventsAndWithAKeySignatures() throws Exception {
		call(get(API)).andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("application/hal+json")))
			.andExpect(jsonPath("$.osdi_version").value("1.0"))
			.andExpect(jsonPath("$._links['osdi:petitions'].href").value("http://localhost:8080" + API + "/petitions"))
			.andExpect(jsonPath("$._links['osdi:events'].href").exists())
			.andExpect(jsonPath("$._links['osdi:signatures']").doesNotExist());
		String key = this.keys.create(organization("Entry"), "CRM", "test");
		call(get(API + "/").header("OSDI-Token", key)).andExpect(status().isOk())
			.andExpect(
					jsonPath("$._links['osdi:signatures'].href").value("http://localhost:8080" + API + "/signatures"));
	}

	@Test
	void petitionsArePagedAsOsdiDoes() throws Exception {
		long total = this.campaigns.count();
		assertThat(total).isGreaterThan(3);
		call(get(API + "/petitions?page=2&per_page=2")).andExpect(status().isOk())
			.andExpect(jsonPath("$.total_records").value(total))
			.andExpect(jsonPath("$.per_page").value(2))
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.total_pages").value((total + 1) / 2))
			.andExpect(jsonPath("$._links.next.href", containsString("page=3&per_page=2")))
			.andExpect(jsonPath("$._links.prev.href", containsString("page=1&per_page=2")))
			.andExpect(jsonPath("$._links['osdi:petitions']", hasSize(2)))
			.andExpect(jsonPath("$._embedded['osdi:petitions']", hasSize(2)))
			.andExpect(jsonPath("$._embedded['osdi:petitions'][0].origin_system").value("end287g"))
			.andExpect(jsonPath("$._embedded['osdi:petitions'][0].identifiers[0]", containsString("end287g:petition-")))
			.andExpect(jsonPath("$._embedded['osdi:petitions'][0].total_signatures").value(0));
		call(get(API + "/petitions?per_page=100000")).andExpect(jsonPath("$.per_page").value(100));
		call(get(API + "/petitions/" + GASTON)).andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Gaston County Sheriff's Office"))
			.andExpect(jsonPath("$.browser_url").value("http://localhost:8080/campaigns/" + GASTON))
			.andExpect(jsonPath("$._links['osdi:signatures'].href",
					containsString("/petitions/" + GASTON + "/signatures")));
		call(get(API + "/events")).andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$._embedded['osdi:events']").isArray());
	}

	@Test
	void malformedHugeAndHostilePagesAreClearErrors() throws Exception {
		for (String bad : new String[] { "page=abc", "page=0", "per_page=-1", "page=99999999999", "page=1%27--",
				"per_page=%D9%A1" }) {
			call(get(API + "/petitions?" + bad)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error").value("page and per_page must be whole numbers from 1."));
		}
		call(get(API + "/petitions/no-such-campaign")).andExpect(status().isNotFound());
	}

	@Test
	void signaturesNeedAKeyAndShowOnlyWhoSharedWithItsOrganization() throws Exception {
		long ours = organization("Ours");
		long theirs = organization("Theirs");
		long shared = signed("Ana", "García", "ana-" + System.nanoTime() + "@example.org", true, ours);
		signed("Luis", "Nadie", "luis-" + System.nanoTime() + "@example.org", true);
		signed("Sin", "Confirmar", "sin-" + System.nanoTime() + "@example.org", false, ours);
		long theirsOnly = signed("Rosa", "Otra", "rosa-" + System.nanoTime() + "@example.org", true, theirs);
		String key = this.keys.create(ours, "CRM", "test");
		long reads = auditCount("osdi.read");

		for (String path : new String[] { "/signatures", "/petitions/" + GASTON + "/signatures",
				"/signatures/" + shared }) {
			call(get(API + path)).andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
				.andExpect(jsonPath("$.error", containsString("API key")));
		}
		String body = call(get(API + "/signatures").header(HttpHeaders.AUTHORIZATION, "Bearer " + key))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
			.andExpect(jsonPath("$.total_records").value(1))
			.andExpect(
					jsonPath("$._embedded['osdi:signatures'][0].identifiers[0]").value("end287g:signature-" + shared))
			.andExpect(jsonPath("$._embedded['osdi:signatures'][0]._embedded['osdi:person'].given_name").value("Ana"))
			.andExpect(
					jsonPath("$._embedded['osdi:signatures'][0]._embedded['osdi:person'].family_name").value("García"))
			.andExpect(jsonPath("$._embedded['osdi:signatures'][0]._embedded['osdi:person'].email_addresses[0].primary")
				.value(true))
			.andExpect(jsonPath(
					"$._embedded['osdi:signatures'][0]._embedded['osdi:person'].postal_addresses[0].postal_code")
				.value("28052"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("@example.org").doesNotContain("Luis", "Sin", "Rosa");
		call(get(API + "/petitions/" + GASTON + "/signatures").header("OSDI-Token", key))
			.andExpect(jsonPath("$.total_records").value(1));
		call(get(API + "/signatures/" + shared).header("OSDI-Token", key)).andExpect(status().isOk());
		// another organization's signature is not there for this key
		call(get(API + "/signatures/" + theirsOnly).header("OSDI-Token", key)).andExpect(status().isNotFound());
		call(get(API + "/signatures/x'1").header("OSDI-Token", key)).andExpect(status().isNotFound());
		assertThat(auditCount("osdi.read") - reads).as("each read audited").isEqualTo(3);
	}

	@Test
	void anInvalidRevokedOrMalformedKeyIsRefusedEverywhere() throws Exception {
		long ours = organization("Revoked");
		signed("Ana", "García", "ana-" + System.nanoTime() + "@example.org", true, ours);
		long created = auditCount("osdi.key.create");
		long revoked = auditCount("osdi.key.revoke");
		long reads = auditCount("osdi.read");
		String key = this.keys.create(ours, "CRM", "test");
		long id = this.keys.of(ours).get(0).id();
		assertThat(
				this.jdbc.sql("select key_hash from osdi_api_keys where id = ?").param(id).query(String.class).single())
			.as("only a keyed hash is stored")
			.isNotEqualTo(key)
			.doesNotContain(key.substring(6));
		assertThat(this.keys.revoke(ours, id, "test")).isTrue();
		assertThat(this.keys.revoke(ours, id, "test")).as("once").isFalse();
		for (String[] header : new String[][] { { "OSDI-Token", key }, { "OSDI-Token", "e287g_wrong" },
				{ HttpHeaders.AUTHORIZATION, "Basic " + key }, { "OSDI-Token", "x".repeat(5000) },
				{ HttpHeaders.AUTHORIZATION, "Bearer <script>" } }) {
			call(get(API + "/signatures").header(header[0], header[1])).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.error", containsString("not valid")));
			call(get(API).header(header[0], header[1])).andExpect(status().isUnauthorized());
		}
		assertThat(auditCount("osdi.key.create") - created).isEqualTo(1);
		assertThat(auditCount("osdi.key.revoke") - revoked).isEqualTo(1);
		assertThat(auditCount("osdi.read") - reads).isZero();
	}

}
