package org.end287g.notifications.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Tells whether a request comes from this machine. The client address the application
 * sees may come from {@code X-Forwarded-For} (server.forward-headers-strategy=native:
 * Tomcat trusts it from any private or loopback address), so anyone on the local network
 * could claim 127.0.0.1. This valve records the address of the connection itself, which
 * no header changes; a request is from this machine when both that address and the client
 * address are loopback (a proxy on this machine forwarding someone else's request is
 * not).
 */
final class ThisMachine extends ValveBase {

	static final String PEER = ThisMachine.class.getName() + ".peer";

	ThisMachine() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(PEER, request.getPeerAddr());
		getNext().invoke(request, response);
	}

	/** Whether the request was made on this machine, by this machine's person. */
	static boolean madeIt(HttpServletRequest request) {
		return (request.getAttribute(PEER) instanceof String peer) && loopback(peer)
				&& loopback(request.getRemoteAddr());
	}

	/** A loopback address as Tomcat writes it (127.0.0.0/8, ::1). */
	static boolean loopback(String address) {
		return address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
	}

}
