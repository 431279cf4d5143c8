package org.end287g.notifications.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the kept mail may be read without an admin: only on the embedded default, and only
 * by a request whose connection and client both are this machine.
 */
class LocalMailboxTests {

	@Test
	void opensOnlyOnTheEmbeddedDefault() {
		assertThat(LocalMailbox.opens(false, "H2", "localhost")).isTrue();
		assertThat(LocalMailbox.opens(false, "H2", "127.0.0.1")).isTrue();
		assertThat(LocalMailbox.opens(false, "H2", "[::1]")).isTrue();
		assertThat(LocalMailbox.opens(true, "H2", "localhost")).as("an SMTP server is configured").isFalse();
		assertThat(LocalMailbox.opens(false, "PostgreSQL", "localhost")).as("PostgreSQL is configured").isFalse();
		assertThat(LocalMailbox.opens(false, "", "localhost")).as("the database could not be told").isFalse();
		assertThat(LocalMailbox.opens(false, "H2", "end287g.example")).as("a public address is configured").isFalse();
		assertThat(LocalMailbox.opens(false, "H2", "192.168.1.20")).as("an address on the local network").isFalse();
		assertThat(LocalMailbox.opens(false, "H2", "localhost.end287g.example")).isFalse();
	}

	@Test
	void aRequestIsThisMachinesWhenItsConnectionAndItsClientAreLoopback() {
		assertThat(ThisMachine.madeIt(request("127.0.0.1", "127.0.0.1"))).isTrue();
		assertThat(ThisMachine.madeIt(request("0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1"))).isTrue();
	}

	@Test
	void aForwardedForHeaderClaimingLoopbackDoesNotMakeItLocal() {
		// a computer on the local network is trusted as a proxy by Tomcat, so its
		// X-Forwarded-For: 127.0.0.1 becomes the client address; its connection does not
		assertThat(ThisMachine.madeIt(request("192.168.1.23", "127.0.0.1"))).isFalse();
	}

	@Test
	void aProxyOnThisMachineForwardingSomeoneElseIsNotLocal() {
		assertThat(ThisMachine.madeIt(request("127.0.0.1", "203.0.113.9"))).isFalse();
	}

	@Test
	void withoutTheValveNothingIsLocal() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		assertThat(ThisMachine.madeIt(request)).isFalse();
	}

	private static MockHttpServletRequest request(String connection, String client) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(ThisMachine.PEER, connection);
		request.setRemoteAddr(client);
		return request;
	}

}
