package org.end287g.accounts.internal;

import org.end287g.accounts.QueuedMail;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the accounts module's MockMvc tests share: the application, the queued mail as the
 * recipient would read it, and real sign-ins.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AccountsMockMvcTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	AccountService accounts;

	@Autowired
	AccountStore store;

	QueuedMail mail;

	RealSignIns signedIn;

	@BeforeEach
	void signedInHelpers() {
		this.mail = new QueuedMail(this.jdbc, this.cipher, this.index);
		this.signedIn = new RealSignIns(this.mvc, this.mail, this.accounts, this.store, this.jdbc);
	}

}
