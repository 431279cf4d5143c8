package org.end287g.privacy;

import java.time.Duration;

/**
 * Links to a person's "my data" page, as every mail's footer and the "send me a link"
 * form give them: signed, naming the person only by the blind index of their address, and
 * valid for {@code end287g.privacy.link-validity} (days, not a month). The page shows
 * what is kept; downloading and deleting also take a code mailed at that moment.
 */
public interface PersonalDataLinks {

	/** The full address of the page of the person with this e-mail index. */
	String link(String emailIndex);

	/** How long a link works. */
	Duration validity();

}
