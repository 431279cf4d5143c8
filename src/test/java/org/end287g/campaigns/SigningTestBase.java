package org.end287g.campaigns;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the signing tests start from: the tracker's fixture with its campaigns open and no
 * signatures ({@link SignatureFixture}), cleaned again after each test. A subclass's own
 * set-up runs after this one.
 */
abstract class SigningTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	Campaigns campaigns;

	SignatureFixture fixture;

	@BeforeEach
	void resetSignatures() {
		this.fixture = new SignatureFixture(this.mvc, this.jdbc, this.cipher, this.index).reset(this.campaigns);
	}

	@AfterEach
	void cleanSignatures() {
		this.fixture.clean();
	}

}
