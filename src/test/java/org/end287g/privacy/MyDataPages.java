package org.end287g.privacy;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The "my data" pages as a person uses them, for tests of every module: a link to the
 * page (as mailed), and downloading or deleting with the code mailed when asked for (read
 * from the outbox).
 */
public final class MyDataPages {

	/** The purpose "my data" links are signed for. */
	public static final String PURPOSE = "my-data-link";

	private static final Pattern CODE = Pattern.compile("(?m)^\\s*([0-9]{8})\\s*$");

	private final MockMvc mvc;

	private final SignedLinks links;

	private final BlindIndex index;

	private final QueuedMail mail;

	public MyDataPages(MockMvc mvc, SignedLinks links, BlindIndex index, JdbcClient jdbc, PersonalDataCipher cipher) {
		this.mvc = mvc;
		this.links = links;
		this.index = index;
		this.mail = new QueuedMail(jdbc, cipher, index);
	}

	/** The token of a link to the page of this address, as a mail would carry it. */
	public String token(String email) {
		return this.links.sign(PURPOSE, this.index.ofEmail(email), Duration.ofDays(1));
	}

	/**
	 * Presses "send me a code" for the action ({@code export} or {@code delete}); the
	 * code mailed to the address.
	 */
	public String code(String token, String action, String email) throws Exception {
		int before = this.mail.to(email, "my-data-code").size();
		MockHttpServletResponse sent = this.mvc
			.perform(post("/my-data/" + token + "/" + action + "/code").with(csrf())
				.with(SignedIn.from(SignedIn.newAddress())))
			.andReturn()
			.getResponse();
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(303);
		List<QueuedMail.Message> mails = this.mail.to(email, "my-data-code");
		assertThat(mails).hasSize(before + 1);
		Matcher code = CODE.matcher(mails.get(mails.size() - 1).body());
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

	/** Downloads the data with a code just asked for. */
	public ResultActions export(String token, String email) throws Exception {
		String code = code(token, "export", email);
		return this.mvc.perform(post("/my-data/" + token + "/export").param("code", code).with(csrf()));
	}

	/** Deletes the data with a code just asked for. */
	public ResultActions delete(String token, String email) throws Exception {
		String code = code(token, "delete", email);
		return this.mvc.perform(post("/my-data/" + token + "/delete").param("code", code).with(csrf()));
	}

}
